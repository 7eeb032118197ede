package vn.ocop.traceability.locality

import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.annotation.Property
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import spock.util.concurrent.PollingConditions
import vn.ocop.catalog.api.AdminUnitsPublished
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.traceability.ServiceSpec

/**
 * The commune copy that growing areas are checked against follows catalog's AdminUnitsPublished, read from the real
 * ocop.catalog stream: a new edition replaces the whole list, an edition already held changes nothing.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'AdminUnitsCopySpec')
class AdminUnitsCopySpec extends ServiceSpec {

    @Inject StatefulRedisConnection<String, String> redis
    @Inject JsonMapper json
    @Inject TransactionOperations<Connection> tx
    def conditions = new PollingConditions(timeout: 15)

    def setup() {
        clean(tx)
        Infra.execute(tx, 'DELETE FROM communes')
        Infra.execute(tx, 'DELETE FROM admin_units_edition')
    }

    def "a new edition replaces the copy; an edition already held changes nothing"() {
        when:
        publish(edition('1' * 64, [['31684', 'Phường Mỹ Xuyên', '92'], ['00004', 'Phường Ba Đình', '01']]))

        then:
        conditions.eventually {
            assert copy() == [['00004', '01', 'Phường Ba Đình'], ['31684', '92', 'Phường Mỹ Xuyên']]
        }
        Infra.rows(tx, 'SELECT sha256 FROM admin_units_edition')*.sha256 == ['1' * 64]

        when: 'the same edition arrives again, (impossibly) with other content'
        publish(edition('1' * 64, [['31708', 'Xã Nhu Gia', '92']]))

        then:
        conditions.eventually {
            assert consumed()
        }
        copy() == [['00004', '01', 'Phường Ba Đình'], ['31684', '92', 'Phường Mỹ Xuyên']]

        when: 'a new edition'
        publish(edition('2' * 64, [['31708', 'Xã Nhu Gia', '92'], ['31684', 'Phường Mỹ Xuyên', '92']]))

        then:
        conditions.eventually {
            assert copy() == [['31684', '92', 'Phường Mỹ Xuyên'], ['31708', '92', 'Xã Nhu Gia']]
        }
        Infra.rows(tx, 'SELECT sha256 FROM admin_units_edition')*.sha256 == ['2' * 64]
    }

    private static AdminUnitsPublished edition(String sha256, List<List<String>> communes) {
        new AdminUnitsPublished(sha256, [new AdminUnitsPublished.Province('01', 'Thành phố Hà Nội'),
                                         new AdminUnitsPublished.Province('92', 'Thành phố Cần Thơ')],
                communes.collect { new AdminUnitsPublished.Commune(it[0], it[1], it[2]) }, Instant.now())
    }

    private void publish(AdminUnitsPublished event) {
        TestEvents.publish(redis, json, CatalogEvents.STREAM, AdminUnitsPublished.TYPE, 'admin-units', event)
    }

    private List<List<String>> copy() {
        Infra.rows(tx, 'SELECT code, province_code, name FROM communes ORDER BY code').collect { [it.code, it.province_code, it.name] }
    }

    /** Every message of the stream was delivered to the service's group and acknowledged. */
    private boolean consumed() {
        def group = redis.sync().xinfoGroups(CatalogEvents.STREAM).collect { it.collate(2).collectEntries() }
                .find { it.name == 'traceability' }
        group != null && group.pending == 0 && (group.lag ?: 0) == 0
    }
}
