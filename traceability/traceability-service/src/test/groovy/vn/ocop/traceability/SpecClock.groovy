package vn.ocop.traceability

import io.micronaut.context.annotation.Factory
import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import io.micronaut.context.annotation.Value
import jakarta.inject.Singleton
import java.time.Clock
import java.time.Duration
import java.time.Instant

/**
 * For specs that set {@code ocop.test.clock-start}: the service's clock starts at that instant and runs on, so that
 * "today" in Vietnam is a known day however close to midnight the spec runs (times still advance, in microseconds).
 */
@Factory
@Requires(property = 'ocop.test.clock-start')
class SpecClock {

    /** 12:00 in Vietnam on 20 Nov 2026. */
    static final String NOON = '2026-11-20T05:00:00Z'

    @Singleton
    @Replaces(Clock)
    Clock clock(@Value('${ocop.test.clock-start}') String start) {
        Clock.tick(Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse(start))), Duration.ofNanos(1_000))
    }
}
