package vn.ocop.payments.refund

import spock.lang.Specification

/** VNPay request ids of refund attempts: deterministic, letters and digits, at most 32, one per attempt. */
class RefundRequestIdsSpec extends Specification {

    def "the request id of attempt #attempt is the refund's id in base 36 and the attempt number"() {
        given:
        def refundId = UUID.fromString('0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b')

        expect:
        RefundRequestIds.of(refundId, attempt) == id
        id ==~ /[0-9A-Z]{27}/
        RefundRequestIds.of(refundId, attempt) == RefundRequestIds.of(UUID.fromString(refundId.toString()), attempt)

        where:
        attempt || id
        1       || new BigInteger('0193a1b2c3d47e5f8a6b7c8d9e0f1a2b', 16).toString(36).toUpperCase().padLeft(25, '0') + '01'
        12      || new BigInteger('0193a1b2c3d47e5f8a6b7c8d9e0f1a2b', 16).toString(36).toUpperCase().padLeft(25, '0') + '12'
    }

    def "the smallest and largest refund ids still give 27 characters"() {
        expect:
        RefundRequestIds.of(new UUID(0, 0), 1) == '0' * 25 + '01'
        RefundRequestIds.of(new UUID(-1L, -1L), 99) == 'F5LXX1ZZ5PNORYNQGLHZMSP33' + '99'
    }

    def "different refunds and different attempts never share a request id"() {
        given:
        def ids = (1..200).collectMany { n -> def refund = UUID.randomUUID(); (1..5).collect { RefundRequestIds.of(refund, it) } }

        expect:
        ids.toSet().size() == 1000
    }

    def "attempt #attempt has no request id"() {
        when:
        RefundRequestIds.of(UUID.randomUUID(), attempt)

        then:
        thrown(IllegalArgumentException)

        where:
        attempt << [0, -1, 100]
    }
}
