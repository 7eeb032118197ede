package vn.ocop.platform.outbox

import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.sql.Timestamp
import java.time.Instant
import java.time.temporal.ChronoUnit
import spock.lang.Specification
import vn.ocop.platform.Infra

@MicronautTest(transactional = false)
@Property(name = 'ocop.service.name', value = 'housekeepingspec')
@Property(name = 'ocop.events.consumer.enabled', value = 'false')
@Property(name = 'ocop.events.relay.enabled', value = 'false')
@Property(name = 'ocop.events.relay.retention', value = '72h')
@Property(name = 'ocop.events.consumer.inbox-retention', value = '720h')
@Property(name = 'ocop.idempotency.retention', value = '48h')
class HousekeepingSpec extends Specification {

    @Inject Housekeeping housekeeping
    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis

    def "rows past their retention are purged; recent ones, and unsent outbox rows of any age, stay"() {
        given:
        Infra.reset(tx, redis)
        def now = Instant.now()
        outbox('sent-old', now.minus(4, ChronoUnit.DAYS), now.minus(4, ChronoUnit.DAYS))
        outbox('sent-new', now.minus(1, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS))
        outbox('unsent-old', now.minus(10, ChronoUnit.DAYS), null)
        inbox('handled-old', now.minus(31, ChronoUnit.DAYS))
        inbox('handled-new', now.minus(29, ChronoUnit.DAYS))
        key('key-old', now.minus(3, ChronoUnit.DAYS))
        key('key-new', now.minus(1, ChronoUnit.DAYS))

        when:
        housekeeping.run()

        then:
        Infra.rows(tx, 'SELECT aggregate_id FROM outbox ORDER BY seq')*.aggregate_id == ['sent-new', 'unsent-old']
        Infra.rows(tx, 'SELECT event_type FROM inbox')*.event_type == ['handled-new']
        Infra.rows(tx, 'SELECT idem_key FROM idempotency_keys')*.idem_key == ['key-new']
        housekeeping.pendingOutbox() == 1
    }

    private void outbox(String aggregate, Instant created, Instant sent) {
        Infra.execute(tx, 'INSERT INTO outbox (event_id, event_type, aggregate_id, envelope, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?)',
                [UUID.randomUUID().toString(), 'Test', aggregate, '{}', Timestamp.from(created), sent ? Timestamp.from(sent) : null])
    }

    private void inbox(String type, Instant handled) {
        Infra.execute(tx, 'INSERT INTO inbox (consumer, event_id, event_type, source_stream, handled_at) VALUES (?, ?, ?, ?, ?)',
                ['housekeepingspec', UUID.randomUUID().toString(), type, 'ocop.test', Timestamp.from(handled)])
    }

    private void key(String key, Instant created) {
        Infra.execute(tx, 'INSERT INTO idempotency_keys (scope, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)',
                ['buyer', key, 'x' * 64, Timestamp.from(created)])
    }
}
