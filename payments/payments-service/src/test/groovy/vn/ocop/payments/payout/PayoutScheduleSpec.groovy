package vn.ocop.payments.payout

import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset
import spock.lang.Specification

/** The weekly batch's cut-off: the start of the week in Viet Nam, whatever the server's zone. */
class PayoutScheduleSpec extends Specification {

    def "at #now (UTC) the weekly cut-off is #cutoff (Monday 00:00 in Viet Nam)"() {
        given:
        def payouts = new Payouts(null, Clock.fixed(Instant.parse(now), ZoneOffset.UTC), true)

        expect:
        payouts.weekStart() == Instant.parse(cutoff)

        where:
        now                    || cutoff
        '2026-11-25T03:00:00Z' || '2026-11-22T17:00:00Z' // Wednesday 10:00 in Viet Nam
        '2026-11-22T17:00:00Z' || '2026-11-22T17:00:00Z' // Monday 00:00 exactly
        '2026-11-22T16:59:59Z' || '2026-11-15T17:00:00Z' // still Sunday in Viet Nam
        '2026-11-22T19:00:00Z' || '2026-11-22T17:00:00Z' // Monday 02:00, when the schedule runs
    }
}
