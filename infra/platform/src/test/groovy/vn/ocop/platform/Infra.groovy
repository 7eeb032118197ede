package vn.ocop.platform

import io.lettuce.core.RedisClient
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.transaction.TransactionOperations
import java.sql.Connection

/** Test helpers for the real MariaDB and Redis the specs run against. */
class Infra {

    static List<Map<String, Object>> rows(TransactionOperations<Connection> tx, String sql, List params = []) {
        tx.executeRead { status ->
            def statement = status.connection.prepareStatement(sql)
            params.eachWithIndex { p, i -> statement.setObject(i + 1, p) }
            def rs = statement.executeQuery()
            def meta = rs.metaData
            def result = []
            while (rs.next()) {
                def row = [:]
                (1..meta.columnCount).each { row[meta.getColumnLabel(it)] = rs.getObject(it) }
                result << row
            }
            statement.close()
            result
        }
    }

    static long count(TransactionOperations<Connection> tx, String sql, List params = []) {
        rows(tx, sql, params).first().values().first() as long
    }

    static void execute(TransactionOperations<Connection> tx, String sql, List params = []) {
        tx.executeWrite { status ->
            def statement = status.connection.prepareStatement(sql)
            params.eachWithIndex { p, i -> statement.setObject(i + 1, p) }
            statement.executeUpdate()
            statement.close()
        }
    }

    static void reset(TransactionOperations<Connection> tx, StatefulRedisConnection<String, String> redis, String... streams) {
        ['outbox', 'inbox', 'idempotency_keys', 'test_effects'].each { execute(tx, "DELETE FROM $it") }
        if (streams) {
            redis.sync().del(streams)
        }
    }

    static String redisUri() {
        "redis://${System.getenv('OCOP_REDIS_HOST') ?: '127.0.0.1'}:${System.getenv('OCOP_REDIS_PORT') ?: '6379'}/15"
    }

    static StatefulRedisConnection<String, String> connect() {
        RedisClient.create(redisUri()).connect()
    }
}
