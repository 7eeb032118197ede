package vn.ocop.platform.outbox

import io.lettuce.core.Range
import io.micrometer.core.instrument.MeterRegistry
import io.micronaut.context.ApplicationContext
import io.micronaut.transaction.TransactionOperations
import java.sql.Connection
import java.util.concurrent.Executors
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions
import vn.ocop.platform.Infra

/** Two instances of one service, each with its own relay, share one outbox table and one stream. */
class TwoRelaysSpec extends Specification {

    static final String STREAM = 'ocop.tworelays'
    static final Map CONFIG = ['ocop.service.name'           : 'tworelays',
                               'ocop.events.consumer.enabled': 'false',
                               'ocop.events.relay.batch-size': '20',
                               'ocop.events.relay.poll-interval': '20ms']

    @Shared @AutoCleanup ApplicationContext first = ApplicationContext.run(CONFIG, 'test')
    @Shared @AutoCleanup ApplicationContext second = ApplicationContext.run(CONFIG, 'test')

    def "two relays publish every row exactly once"() {
        given:
        def tx = first.getBean(TransactionOperations)
        def redis = first.getBean(io.lettuce.core.api.StatefulRedisConnection)
        Infra.reset(tx, redis, STREAM)
        int writers = 4, transactionsPerWriter = 150, eventsPerTransaction = 2
        int total = writers * transactionsPerWriter * eventsPerTransaction

        when: 'both instances commit events concurrently, each waking its own relay'
        def pool = Executors.newFixedThreadPool(writers)
        def futures = (0..<writers).collect { w ->
            def context = w % 2 == 0 ? first : second
            pool.submit {
                def outbox = context.getBean(Outbox)
                def writerTx = context.getBean(TransactionOperations)
                transactionsPerWriter.times { t ->
                    writerTx.executeWrite {
                        eventsPerTransaction.times { e -> outbox.publish('Counted', 1, "w$w-t$t-e$e", [n: e]) }
                    }
                }
            }
        }
        futures*.get()
        pool.shutdown()

        then: 'every row is sent and the stream holds each event once'
        new PollingConditions(timeout: 30).eventually {
            assert Infra.count(tx, 'SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL') == 0
        }
        def ids = redis.sync().xrange(STREAM, Range.create('-', '+'))*.body*.id
        ids.size() == total
        ids.toSet().size() == total
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == total

        and: 'both relays took part'
        published(first) > 0
        published(second) > 0
        published(first) + published(second) == total
    }

    private static double published(ApplicationContext context) {
        context.getBean(MeterRegistry).get('ocop.outbox.published').counter().count()
    }
}
