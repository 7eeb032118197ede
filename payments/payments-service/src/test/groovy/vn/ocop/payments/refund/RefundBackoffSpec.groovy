package vn.ocop.payments.refund

import java.time.Duration
import spock.lang.Specification

/** The wait between two calls for a refund: doubling from the first backoff, capped, stretched by at most a quarter. */
class RefundBackoffSpec extends Specification {

    def config = new RefundConfiguration(Duration.ofSeconds(5), Duration.ofMinutes(5), 12, Duration.ofMinutes(2))

    def "after #attempts failed calls the wait is #wait without jitter and #most with the most jitter"() {
        expect:
        config.backoff(attempts, 0) == wait
        config.backoff(attempts, 1) == most
        config.backoff(attempts, 0.5) > wait
        config.backoff(attempts, 0.5) < most

        where:
        attempts || wait                    | most
        1        || Duration.ofSeconds(5)   | Duration.ofMillis(6_250)
        2        || Duration.ofSeconds(10)  | Duration.ofMillis(12_500)
        3        || Duration.ofSeconds(20)  | Duration.ofSeconds(25)
        6        || Duration.ofSeconds(160) | Duration.ofSeconds(200)
        7        || Duration.ofMinutes(5)   | Duration.ofSeconds(375)
        99       || Duration.ofMinutes(5)   | Duration.ofSeconds(375)
    }
}
