package vn.ocop.platform.outbox

import io.lettuce.core.Range
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.annotation.Property
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import spock.lang.Specification
import spock.util.concurrent.PollingConditions
import vn.ocop.platform.Infra
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.trace.TraceContext

@MicronautTest(transactional = false)
@Property(name = 'ocop.service.name', value = 'outboxspec')
@Property(name = 'ocop.events.consumer.enabled', value = 'false')
class OutboxSpec extends Specification {

    static final String STREAM = 'ocop.outboxspec'

    @Inject Outbox outbox
    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis
    @Inject JsonMapper json
    def conditions = new PollingConditions(timeout: 10)

    def setup() {
        Infra.reset(tx, redis, STREAM)
    }

    def "a committed event reaches the stream once, with its whole envelope"() {
        when:
        EventEnvelope published = tx.executeWrite { outbox.publish('ParcelWeighed', 2, 'parcel-7', [grams: 5000, label: 'Gạo ST25']) }

        then:
        conditions.eventually {
            assert messages().size() == 1
        }
        def message = messages().first()
        message.body.id == published.id().toString()
        message.body.type == 'ParcelWeighed'

        and: 'the envelope is the one the producer built, with a version-7 id and an ISO timestamp'
        def envelope = json.readValue(message.body.envelope, Map)
        envelope.id == published.id().toString()
        published.id().version() == 7
        envelope.type == 'ParcelWeighed'
        envelope.version == 2
        envelope.aggregateId == 'parcel-7'
        envelope.occurredAt == published.occurredAt().toString()
        TraceContext.isValid(envelope.traceparent as String)
        envelope.data == [grams: 5000, label: 'Gạo ST25']

        and: 'the row is marked sent with the stream id'
        conditions.eventually {
            def row = Infra.rows(tx, 'SELECT sent_at, stream_id FROM outbox WHERE event_id = ?', [published.id().toString()]).first()
            assert row.sent_at != null
            assert row.stream_id == message.id
        }
    }

    def "a rolled-back transaction publishes nothing"() {
        when: 'a transaction writes an event and then fails'
        tx.executeWrite {
            outbox.publish('ParcelWeighed', 1, 'rolled-back', [grams: 1])
            throw new IllegalStateException('scale broke')
        }

        then:
        thrown(IllegalStateException)

        when: 'a later transaction commits a marker event'
        tx.executeWrite { outbox.publish('ParcelWeighed', 1, 'marker', [grams: 2]) }

        then: 'only the marker is ever published'
        conditions.eventually {
            assert messages().size() == 1
        }
        json.readValue(messages().first().body.envelope, Map).aggregateId == 'marker'
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE aggregate_id = 'rolled-back'") == 0
    }

    def "an event cannot be published outside a transaction"() {
        when:
        outbox.publish('ParcelWeighed', 1, 'nowhere', [grams: 3])

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('needs a surrounding transaction')
    }

    private List messages() {
        redis.sync().xrange(STREAM, Range.create('-', '+'))
    }
}
