package vn.ocop.deploy

import io.lettuce.core.Range
import io.lettuce.core.RedisClient
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.json.JsonMapper
import java.sql.DriverManager

/** Reads what the services left behind: each one's own database (with its own user) and the streams. */
class EndState implements Closeable {

    private final ServiceProcesses services
    private final RedisClient client
    private final StatefulRedisConnection<String, String> redis
    private final JsonMapper json = JsonMapper.createDefault()

    EndState(ServiceProcesses services) {
        this.services = services
        this.client = RedisClient.create(services.redisUri())
        this.redis = client.connect()
    }

    List<Map<String, Object>> rows(String service, String sql, List params = []) {
        DriverManager.getConnection(services.jdbcUrl(service), ServiceProcesses.dbUser(service),
                ServiceProcesses.dbPassword(service)).withCloseable { connection ->
            connection.prepareStatement(sql).withCloseable { statement ->
                params.eachWithIndex { p, i -> statement.setObject(i + 1, p) }
                statement.executeQuery().withCloseable { rs ->
                    def result = []
                    while (rs.next()) {
                        result << (1..rs.metaData.columnCount).collectEntries { [(rs.metaData.getColumnLabel(it)): rs.getObject(it)] }
                    }
                    result
                }
            }
        }
    }

    long count(String service, String sql, List params = []) {
        rows(service, sql, params).first().values().first() as long
    }

    /** Envelopes on a stream whose data mention {@code id} (a checkout id, say), as maps. */
    List<Map> events(String stream, String id) {
        redis.sync().xrange(stream, Range.create('-', '+'))
                .collect { json.readValue(it.body.envelope, Map) }
                .findAll { it.aggregateId == id || it.data?.checkoutId == id }
    }

    /** Event types about {@code id} on every stream, with how many messages carry each. */
    Map<String, Integer> eventCounts(String id) {
        allEvents(id).countBy { it.type } as Map<String, Integer>
    }

    /**
     * Event types about {@code id}, with how many distinct events (envelope ids) of each: a crash between XADD and marking
     * the outbox row sent may put one event on the stream twice, which consumers absorb; a second event would be a bug.
     */
    Map<String, Integer> distinctEventCounts(String id) {
        allEvents(id).unique { it.id }.countBy { it.type } as Map<String, Integer>
    }

    private List<Map> allEvents(String id) {
        ServiceProcesses.SERVICES.collectMany { events("ocop.$it".toString(), id) }
    }

    long deadLetters(String service) {
        redis.sync().xlen("ocop.${service}.dead-letters".toString())
    }

    @Override
    void close() {
        redis.close()
        client.shutdown()
    }
}
