package vn.ocop.payments.vnpay

import spock.lang.Specification

/** VNPay 2.1.0 signatures, checked against the published example and an HMAC computed independently here. */
class VnPaySignerSpec extends Specification {

    static final String SECRET = 'VNPAYSIGNERSPECSECRET'
    static final String PUBLISHED_HASH_DATA = 'vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND' +
            '&vnp_IpAddr=127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other' +
            '&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0'

    /** The published example's parameters, unsorted, with what is never signed: empty values, the hash, others' names. */
    static final Map<String, String> PUBLISHED_PARAMS = [
            vnp_Version       : '2.1.0', vnp_TxnRef: '5', vnp_TmnCode: 'DEMOV210',
            vnp_ReturnUrl     : 'https://domainmerchant.vn/ReturnUrl', vnp_OrderType: 'other',
            vnp_OrderInfo     : 'Thanh toan don hang :5', vnp_Locale: 'vn', vnp_IpAddr: '127.0.0.1', vnp_CurrCode: 'VND',
            vnp_CreateDate    : '20210801153333', vnp_Command: 'pay', vnp_Amount: '1806000',
            vnp_BankCode      : '', vnp_SecureHashType: 'HmacSHA512', vnp_SecureHash: '0123abcd', lang: 'en']

    def signer = new VnPaySigner(SECRET)

    def "the hash data of VNPay's published example is its query string, byte for byte"() {
        expect:
        VnPaySigner.hashData(PUBLISHED_PARAMS) == PUBLISHED_HASH_DATA
    }

    def "the signature is HMAC-SHA512 of the hash data in lower-case hex"() {
        given:
        String independent = VnPayRequests.hmacSha512(SECRET, PUBLISHED_HASH_DATA)

        expect:
        signer.sign(PUBLISHED_PARAMS) == independent
        independent ==~ /[0-9a-f]{128}/
        signer.signedQuery(PUBLISHED_PARAMS) == PUBLISHED_HASH_DATA + '&vnp_SecureHash=' + independent
    }

    def "a value with #what is encoded as #encoded"() {
        expect:
        VnPaySigner.hashData([vnp_OrderInfo: value]) == 'vnp_OrderInfo=' + encoded

        where:
        what                  | value                  || encoded
        'spaces'              | 'Thanh toan don hang'  || 'Thanh+toan+don+hang'
        'a tilde'             | 'a~b'                  || 'a%7Eb'
        'an asterisk'         | 'a*b'                  || 'a*b'
        'a slash'             | 'a/b'                  || 'a%2Fb'
        'a colon'             | 'a:b'                  || 'a%3Ab'
        'a plus'              | 'a+b'                  || 'a%2Bb'
        'ampersand and equal' | 'a&b=c'                || 'a%26b%3Dc'
        'unreserved marks'    | 'a-b_c.d'              || 'a-b_c.d'
        'non-ASCII letters'   | 'Gạo Sóc Trăng'        || 'G%3Fo+S%3Fc+Tr%3Fng'
    }

    def "a signature verifies in either case and fails after #change"() {
        given:
        def params = PUBLISHED_PARAMS.findAll { it.key != 'vnp_SecureHash' }
        String hash = VnPayRequests.hmacSha512(SECRET, PUBLISHED_HASH_DATA)

        expect:
        signer.verify(params + [vnp_SecureHash: hash])
        signer.verify(params + [vnp_SecureHash: hash.toUpperCase()])
        !signer.verify(tamper(params, hash))

        where:
        change                              | tamper
        'one character of a value changes'  | { Map p, String h -> p + [vnp_Amount: '1806001', vnp_SecureHash: h] }
        'one character of the hash changes' | { Map p, String h -> p + [vnp_SecureHash: (h[0] == 'a' ? 'b' : 'a') + h[1..-1]] }
        'a signed parameter is added'       | { Map p, String h -> p + [vnp_BankCode: 'NCB', vnp_SecureHash: h] }
        'the hash is cut short'             | { Map p, String h -> p + [vnp_SecureHash: h.substring(0, 127)] }
        'the hash is missing'               | { Map p, String h -> p }
        'another secret signed it'          | { Map p, h -> p + [vnp_SecureHash: VnPayRequests.hmacSha512('x', VnPaySigner.hashData(p))] }
    }

    def "the merchant API's signature is HMAC-SHA512 of the raw values joined by '|', absent values empty"() {
        given:
        def values = ['R1', '2.1.0', 'refund', 'DEMOV210', '03', 'T5', '1806000', '14422574', '20261120102210', 'ocop',
                      '20261120110000', '127.0.0.1', 'Hoan tien don hang :5 & co']

        expect: 'no URL encoding: spaces, colons and ampersands are signed as they are'
        VnPaySigner.pipeJoined(values) == 'R1|2.1.0|refund|DEMOV210|03|T5|1806000|14422574|20261120102210|ocop|20261120110000|' +
                '127.0.0.1|Hoan tien don hang :5 & co'
        signer.signFields(values) == VnPayRequests.hmacSha512(SECRET, values.join('|'))
        VnPaySigner.pipeJoined(['a', null, '', 'b']) == 'a|||b'
    }

    def "a merchant API signature verifies in either case and fails after #change"() {
        given:
        def values = ['R1', '2.1.0', 'refund', 'DEMOV210', '02', 'T5', '1806000']
        String hash = VnPayRequests.hmacSha512(SECRET, values.join('|'))

        expect:
        signer.verifyFields(hash, values)
        signer.verifyFields(hash.toUpperCase(), values)
        !signer.verifyFields(given(hash), signed(values))

        where:
        change                          | given                               | signed
        'a value changes'               | { String h -> h }                   | { List v -> v.collect { it == '1806000' ? '1806100' : it } }
        'a value moves to another field'| { String h -> h }                   | { List v -> v[0..-3] + [v[-1], v[-2]] }
        'the hash is cut short'         | { String h -> h.substring(0, 127) } | { List v -> v }
        'the hash is missing'           | { String h -> null }                | { List v -> v }
    }
}
