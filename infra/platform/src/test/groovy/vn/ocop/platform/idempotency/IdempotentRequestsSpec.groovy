package vn.ocop.platform.idempotency

import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import spock.lang.Specification
import vn.ocop.platform.Infra
import vn.ocop.platform.problem.ProblemException

@MicronautTest(transactional = false)
@Property(name = 'ocop.service.name', value = 'idempotencyspec')
@Property(name = 'ocop.events.consumer.enabled', value = 'false')
@Property(name = 'ocop.events.relay.enabled', value = 'false')
class IdempotentRequestsSpec extends Specification {

    @Inject IdempotentRequests requests
    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis

    def setup() {
        Infra.reset(tx, redis)
    }

    /** What a controller does: claim, and on a new key create something and store the response. */
    private Map place(String key, Map body) {
        tx.executeWrite {
            def earlier = requests.claim('buyer-1', key, body)
            if (earlier.present) {
                return [replayed: true, status: earlier.get().status(), body: earlier.get().body()]
            }
            Infra.execute(tx, 'INSERT INTO test_effects (event_id, handled_by, note) VALUES (?, ?, ?)',
                    [UUID.randomUUID().toString(), 'checkout', body.toString()])
            requests.complete('buyer-1', key, HttpStatus.CREATED, [checkout: body.sku])
            [replayed: false]
        }
    }

    def "the same key and body returns the first response and creates nothing more"() {
        when:
        def first = place('key-0000001', [sku: 'ST25-5KG', quantity: 2])
        def second = place('key-0000001', [sku: 'ST25-5KG', quantity: 2])

        then:
        !first.replayed
        second == [replayed: true, status: 201, body: '{"checkout":"ST25-5KG"}']
        Infra.count(tx, 'SELECT COUNT(*) FROM test_effects') == 1
    }

    def "the same key with another body is refused with 422"() {
        given:
        place('key-0000002', [sku: 'ST25-5KG', quantity: 2])

        when:
        place('key-0000002', [sku: 'ST25-5KG', quantity: 3])

        then:
        def e = thrown(ProblemException)
        e.status() == HttpStatus.UNPROCESSABLE_ENTITY
        e.code() == 'idempotency_key_reused'
        Infra.count(tx, 'SELECT COUNT(*) FROM test_effects') == 1
    }

    def "a malformed key '#key' is refused with 400"() {
        when:
        place(key, [sku: 'x'])

        then:
        def e = thrown(ProblemException)
        e.status() == HttpStatus.BAD_REQUEST
        Infra.count(tx, 'SELECT COUNT(*) FROM test_effects') == 0

        where:
        key << ['short', 'has space in it', 'x' * 256, 'khóa-tiếng-việt']
    }

    def "eight concurrent requests with one key create one thing"() {
        given:
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(8)

        when:
        def results = (1..8).collect {
            pool.submit({ start.await(); place('key-0000003', [sku: 'ST25-10KG', quantity: 1]) } as Callable)
        }
        start.countDown()
        def outcomes = results*.get()
        pool.shutdown()

        then:
        outcomes.count { !it.replayed } == 1
        outcomes.count { it.replayed && it.body == '{"checkout":"ST25-10KG"}' } == 7
        Infra.count(tx, 'SELECT COUNT(*) FROM test_effects') == 1
    }
}
