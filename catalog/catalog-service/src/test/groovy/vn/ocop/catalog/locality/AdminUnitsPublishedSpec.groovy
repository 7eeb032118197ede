package vn.ocop.catalog.locality

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.catalog.api.AdminUnitsPublished
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents

/** Services that check addresses (orders) learn the current administrative units from catalog's stream. */
@MicronautTest(transactional = false)
class AdminUnitsPublishedSpec extends CatalogSpecification {

    @Inject AdminUnits units
    @Inject AdminUnitsLoader loader

    def "a database loaded before the event existed loads the lists once more and publishes them, once"() {
        given: 'what a catalog without the event recorded: the bare SHA-256 of the lists'
        String sha256 = units.lists().checksum()
        recorded(sha256)
        long before = lastSeq()

        when:
        boolean loaded = loader.load()

        then:
        loaded
        recorded() == AdminUnitsLoader.fingerprint(sha256)
        publishedAfter(before) == 1

        and: 'the event holds the 34 provinces and 3,321 communes, as catalog has them'
        String eventId = Infra.rows(tx, 'SELECT event_id FROM outbox WHERE event_type = ? ORDER BY seq DESC LIMIT 1',
                [AdminUnitsPublished.TYPE]).first().event_id
        Map event = onStream(eventId)
        event.aggregateId == 'admin-units'
        event.data.sha256 == sha256
        event.data.provinces.size() == 34
        event.data.provinces.contains([code: '92', name: 'Thành phố Cần Thơ'])
        event.data.communes.size() == 3321
        event.data.communes.contains([code: MY_XUYEN_COMMUNE, name: 'Phường Mỹ Xuyên', provinceCode: CAN_THO])
        event.data.communes.every { it.provinceCode in event.data.provinces*.code }
        event.data.publishedAt

        when: 'the next start'
        loaded = loader.load()

        then: 'finds the lists loaded and published'
        !loaded
        publishedAfter(before) == 1
    }

    def "the event is written in the load's transaction: a load rolled back publishes nothing"() {
        given:
        recorded(units.lists().checksum())
        long before = lastSeq()

        when:
        tx.executeWrite { status ->
            assert loader.load()
            status.setRollbackOnly()
        }

        then:
        recorded() == units.lists().checksum()
        publishedAfter(before) == 0
        Infra.count(tx, 'SELECT COUNT(*) FROM communes', []) == 3321

        cleanup:
        loader.load()
    }

    /** The envelope as the relay appends it to catalog's stream, as maps. */
    Map onStream(String eventId) {
        conditions.eventually {
            assert streamed(eventId)
        }
        streamed(eventId)
    }

    Map streamed(String eventId) {
        TestEvents.read(redis, json, CatalogEvents.STREAM, AdminUnitsPublished.TYPE).find { it.id == eventId }
    }

    void recorded(String checksum) {
        Infra.execute(tx, "UPDATE reference_data SET checksum = ? WHERE name = 'admin-units'", [checksum])
    }

    String recorded() {
        Infra.rows(tx, "SELECT checksum FROM reference_data WHERE name = 'admin-units'", []).first().checksum
    }

    long lastSeq() {
        Infra.count(tx, 'SELECT COALESCE(MAX(seq), 0) FROM outbox', [])
    }

    /** AdminUnitsPublished events written to the outbox since then (sent or not: sent rows stay for days). */
    long publishedAfter(long seq) {
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox WHERE event_type = ? AND seq > ?', [AdminUnitsPublished.TYPE, seq])
    }
}
