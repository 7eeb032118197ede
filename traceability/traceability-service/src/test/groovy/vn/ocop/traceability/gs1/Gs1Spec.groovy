package vn.ocop.traceability.gs1

import spock.lang.Specification

class Gs1Spec extends Specification {

    def "GTIN #gtin is valid and pads to #gtin14"() {
        expect:
        Gs1.isValidGtin(gtin)
        Gs1.gtin14(gtin) == Optional.of(gtin14)

        where:
        gtin             || gtin14
        '8931234567897'  || '08931234567897'
        '09506000134352' || '09506000134352'
        '70614141123451' || '70614141123451'
        '6291041500213'  || '06291041500213'
        '036000291452'   || '00036000291452'
        '96385074'       || '00000096385074'
    }

    def "#gtin is not a GTIN: #why"() {
        expect:
        !Gs1.isValidGtin(gtin)
        Gs1.gtin14(gtin).empty

        where:
        gtin              | why
        '8931234567896'   | 'wrong check digit'
        '09506000134353'  | 'wrong check digit'
        '3600029145'      | 'ten digits'
        '03600029145'     | 'eleven digits'
        '963850740'       | 'nine digits'
        '008931234567897' | 'fifteen digits'
        '893123456789X'   | 'not all digits'
        ' 8931234567897'  | 'surrounded by space'
        ''                | 'empty'
        null              | 'absent'
    }

    def "the check digit of #data is #check"() {
        expect:
        Gs1.checkDigit(data) == check

        where:
        data            || check
        '893123456789'  || 7
        '0950600013435' || 2
        '7061414112345' || 1
        '629104150021'  || 3
        '9638507'       || 4
        '0000000000000' || 0
    }

    def "#value is percent-encoded as #encoded"() {
        expect:
        Gs1.encode(value) == encoded

        where:
        value               || encoded
        'ABCxyz-0.9_~'      || 'ABCxyz-0.9_~'
        'ST25/2611'         || 'ST25%2F2611'
        'LO 1'              || 'LO%201'
        '100%'              || '100%25'
        '!"&\'()*+,:;<=>?'  || '%21%22%26%27%28%29%2A%2B%2C%3A%3B%3C%3D%3E%3F'
        'Lô'                || 'L%C3%B4'
        'Đắk Lắk'           || '%C4%90%E1%BA%AFk%20L%E1%BA%AFk'
        'gạo'               || 'g%E1%BA%A1o'
    }

    def "the Digital Link of lot #lot of GTIN #gtin is #uri"() {
        expect:
        Gs1.digitalLink('https://id.ocop.vn', gtin, lot) == uri

        where:
        gtin             | lot          || uri
        '8931234567897'  | 'L261123K7QX' || 'https://id.ocop.vn/01/08931234567897/10/L261123K7QX'
        '96385074'       | 'ST25/2611'   || 'https://id.ocop.vn/01/00000096385074/10/ST25%2F2611'
        '09506000134352' | 'A%B'         || 'https://id.ocop.vn/01/09506000134352/10/A%25B'
    }

    def "the Digital Link of serial #serial of lot #lot is #uri: GTIN, then lot (10), then serial (21)"() {
        expect:
        Gs1.digitalLink('https://id.ocop.vn', gtin, lot, serial) == uri

        where:
        gtin             | lot           | serial         || uri
        '8931234567897'  | 'L261123K7QX' | '7K3QX9M2ABCD' || 'https://id.ocop.vn/01/08931234567897/10/L261123K7QX/21/7K3QX9M2ABCD'
        '96385074'       | 'ST25/2611'   | 'S/1'          || 'https://id.ocop.vn/01/00000096385074/10/ST25%2F2611/21/S%2F1'
        '09506000134352' | 'A%B'         | '100%'         || 'https://id.ocop.vn/01/09506000134352/10/A%25B/21/100%25'
        '8931234567897'  | 'L+1'         | '+21+'         || 'https://id.ocop.vn/01/08931234567897/10/L%2B1/21/%2B21%2B'
        '8931234567897'  | '10'          | '21'           || 'https://id.ocop.vn/01/08931234567897/10/10/21/21'
        '8931234567897'  | 'a/21/b'      | 'x/10/y'       || 'https://id.ocop.vn/01/08931234567897/10/a%2F21%2Fb/21/x%2F10%2Fy'
    }

    def "each value of a serial's Digital Link is one path segment that decodes back to the value (#lot, #serial)"() {
        when:
        def path = new URI(Gs1.digitalLink('https://id.ocop.vn', '8931234567897', lot, serial)).rawPath
        def segments = path.split('/').drop(1)

        then: 'exactly 01, 10 and 21 in that order, each followed by one segment'
        segments.size() == 6
        segments[0] == '01' && segments[2] == '10' && segments[4] == '21'
        segments.every { it ==~ /([A-Za-z0-9._~-]|%[0-9A-F]{2})+/ }
        new URI("https://x/${segments[3]}").path == "/$lot"
        new URI("https://x/${segments[5]}").path == "/$serial"

        where:
        lot                    | serial
        'ST25/26%1+A'          | "S'1/2+3%4"
        '!"%&\'()*+,-./:;<=>?_' | 'A B'
        'Lô 1'                 | 'Đắk'
    }

    def "a Digital Link needs a valid GTIN"() {
        when:
        Gs1.digitalLink('https://id.ocop.vn', '8931234567896', 'L1')

        then:
        thrown(IllegalArgumentException)

        when:
        Gs1.digitalLink('https://id.ocop.vn', '8931234567896', 'L1', 'S1')

        then:
        thrown(IllegalArgumentException)
    }

    def "#value #verdict a GS1 lot number"() {
        expect:
        Gs1.isLotNumber(value) == valid

        where:
        value                  || valid
        'L261123K7QX'          || true
        'ST25-2611/A.1'        || true
        '!"%&\'()*+,-./:;<=>?_' || true
        'a' * 20               || true
        'a' * 21               || false
        ''                     || false
        'LO 1'                 || false
        'Lô1'                  || false
        'L#1'                  || false
        'L~1'                  || false
        null                   || false

        verdict = valid ? 'is' : 'is not'
    }

    def "#value #verdict a GS1 serial number"() {
        expect:
        Gs1.isSerialNumber(value) == valid

        where:
        value          || valid
        '7K3QX9M2ABCD' || true
        'S/1+2%3'      || true
        'a' * 20       || true
        'a' * 21       || false
        ''             || false
        'S 1'          || false
        'Sô'           || false
        null           || false

        verdict = valid ? 'is' : 'is not'
    }
}
