package vn.ocop.platform.consumer

import io.lettuce.core.Consumer
import io.lettuce.core.XGroupCreateArgs
import io.lettuce.core.XReadArgs
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.ApplicationContext
import io.micronaut.http.client.HttpClient
import io.micronaut.json.JsonMapper
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.transaction.TransactionOperations
import java.sql.Connection
import java.time.Instant
import java.util.concurrent.CountDownLatch
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions
import vn.ocop.platform.Infra
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.Ids

/**
 * Consumers against a real Redis and MariaDB: at-least-once delivery from the stream, exactly-once effects
 * through the inbox, retries, dead letters and their replay, reclaiming from a consumer that died.
 */
class ConsumerSpec extends Specification {

    static final String SOURCE = 'ocop.consumerspec-source'
    static final String DEAD_LETTERS = 'ocop.consumerspec.dead-letters'
    static final Map CONFIG = ['ocop.service.name'                 : 'consumerspec',
                               'ocop.test.handlers'                : 'consumer',
                               'ocop.events.consumer.claim-idle'   : '300ms',
                               'ocop.events.consumer.block'        : '200ms',
                               'ocop.events.consumer.max-deliveries': '3',
                               'micronaut.security.enabled'        : 'false']

    @Shared @AutoCleanup StatefulRedisConnection<String, String> redis = Infra.connect()
    /** Database and JSON access for the spec itself, with no consumers or relay of its own. */
    @Shared @AutoCleanup ApplicationContext tools = ApplicationContext.run(CONFIG + ['ocop.events.consumer.enabled': 'false',
                                                                                     'ocop.events.relay.enabled'   : 'false'], 'test')
    @Shared JsonMapper json = tools.getBean(JsonMapper)
    @AutoCleanup ApplicationContext context
    TransactionOperations<Connection> tx
    def conditions = new PollingConditions(timeout: 15)

    def setup() {
        redis.sync().del(SOURCE, DEAD_LETTERS)
        FlakyHandler.failing.set(true)
    }

    private void startService() {
        context = ApplicationContext.run(EmbeddedServer, CONFIG, 'test').applicationContext
        tx = context.getBean(TransactionOperations)
    }

    private void cleanDatabase() {
        Infra.reset(tools.getBean(TransactionOperations), redis)
    }

    def "an event delivered twice is handled once"() {
        given:
        cleanDatabase()
        startService()
        def envelope = envelope('Recorded', 'first harvest')

        when: 'the same event arrives twice, as after a producer crash between XADD and marking it sent'
        2.times { append(envelope) }

        then:
        conditions.eventually {
            assert pendingAndLag() == [0L, 0L]
            assert Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [envelope.id().toString()]) == 1
        }
        Infra.rows(tx, 'SELECT handled_by, note FROM test_effects WHERE event_id = ?', [envelope.id().toString()]) ==
                [[handled_by: 'RecordingHandler', note: 'first harvest']]
    }

    def "a handler that keeps failing is retried, then dead-lettered, then replayed once fixed"() {
        given:
        cleanDatabase()
        startService()
        def envelope = envelope('Flaky', 'lot 42')

        when:
        append(envelope)

        then: 'after three deliveries it moves to the dead-letter stream with the last error'
        conditions.eventually {
            assert redis.sync().xlen(DEAD_LETTERS) == 1
            assert pendingAndLag() == [0L, 0L]
        }
        def letter = context.getBean(DeadLetters).list(10, null).first()
        letter.eventId() == envelope.id().toString()
        letter.type() == 'Flaky'
        letter.stream() == SOURCE
        letter.deliveries() == 3
        letter.error().contains('warehouse system unavailable for lot 42')

        and: 'its failed attempts left no effects'
        Infra.count(tx, 'SELECT COUNT(*) FROM test_effects') == 0
        Infra.count(tx, 'SELECT COUNT(*) FROM inbox') == 0

        when: 'an operator lists the dead letters and replays this one after the fault is fixed'
        FlakyHandler.failing.set(false)
        def client = context.getBean(EmbeddedServer).with { HttpClient.create(it.URL).toBlocking() }
        def page = client.retrieve('/api/v1/admin/consumerspec/dead-letters', Map)
        def replay = client.retrieve(io.micronaut.http.HttpRequest.POST(
                "/api/v1/admin/consumerspec/dead-letters/${letter.id()}/replay", ''), Map)

        then:
        page.total == 1
        page.items*.eventId == [envelope.id().toString()]
        replay.outcome == 'HANDLED'
        redis.sync().xlen(DEAD_LETTERS) == 0
        Infra.count(tx, 'SELECT COUNT(*) FROM test_effects WHERE event_id = ?', [envelope.id().toString()]) == 1
    }

    def "a message that cannot be read is dead-lettered at once"() {
        given:
        cleanDatabase()
        startService()

        when:
        redis.sync().xadd(SOURCE, [id: 'x', type: 'Recorded', envelope: '{not json'])

        then:
        conditions.eventually {
            assert redis.sync().xlen(DEAD_LETTERS) == 1
        }
        with(context.getBean(DeadLetters).list(1, null).first()) {
            deliveries() == 1
            error().contains('not valid JSON')
        }
    }

    def "a message taken by a consumer that died is reclaimed and handled by another"() {
        given: 'a consumer of the group took the message and died before acknowledging it'
        cleanDatabase()
        redis.sync().xgroupCreate(XReadArgs.StreamOffset.from(SOURCE, '0-0'), 'consumerspec', XGroupCreateArgs.Builder.mkstream())
        def envelope = envelope('Recorded', 'orphaned')
        append(envelope)
        def taken = redis.sync().xreadgroup(Consumer.from('consumerspec', 'instance-that-died'),
                XReadArgs.StreamOffset.lastConsumed(SOURCE))
        assert taken*.body*.id == [envelope.id().toString()]

        when: 'another instance of the service runs'
        startService()

        then: 'it claims the message after the idle timeout and handles it once'
        conditions.eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM test_effects WHERE event_id = ?', [envelope.id().toString()]) == 1
            assert pendingAndLag() == [0L, 0L]
        }
    }

    def "a batch is handled several aggregates at a time, each aggregate's events in stream order"() {
        given: 'ten events for each of three aggregates, waiting on the stream as one batch'
        cleanDatabase()
        SequencedHandler.handled.clear()
        SequencedHandler.mostAtOnce.set(0)
        SequencedHandler.overlap = new CountDownLatch(2)
        def aggregates = ['lot-A', 'lot-B', 'lot-C']
        (0..9).each { i -> aggregates.each { append(envelope('Sequenced', "$i", it)) } }

        when:
        startService()

        then: 'each is handled once; per aggregate in order; different aggregates at the same time'
        conditions.eventually {
            assert SequencedHandler.handled.size() == 30
            assert pendingAndLag() == [0L, 0L]
        }
        aggregates.every { aggregate -> SequencedHandler.handled.findAll { it[0] == aggregate }*.get(1) == (0..9)*.toString() }
        Infra.count(tx, "SELECT COUNT(*) FROM test_effects WHERE handled_by = 'SequencedHandler'") == 30
        SequencedHandler.mostAtOnce.get() > 1
    }

    def "the consumers stop cleanly when the service shuts down"() {
        given:
        cleanDatabase()
        startService()
        conditions.eventually {
            assert Thread.allStackTraces.keySet().any { it.name == "consumer-$SOURCE" }
        }

        when:
        context.close()
        context = null

        then: 'close returns only after the consumer thread has ended'
        !Thread.allStackTraces.keySet().any { it.name == "consumer-$SOURCE" && it.alive }
    }

    private EventEnvelope envelope(String type, String text, String aggregateId = 'agg-1') {
        new EventEnvelope(Ids.newId(), type, 1, Instant.now(), aggregateId, null, json.writeValueToTree([text: text]))
    }

    private void append(EventEnvelope envelope) {
        redis.sync().xadd(SOURCE, [id: envelope.id().toString(), type: envelope.type(), envelope: json.writeValueAsString(envelope)])
    }

    private List<Long> pendingAndLag() {
        def group = redis.sync().xinfoGroups(SOURCE).collect { it.collate(2).collectEntries() }.find { it.name == 'consumerspec' }
        group ? [group.pending as long, (group.lag ?: 0) as long] : [-1L, -1L]
    }
}
