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

    def "a Digital Link needs a valid GTIN"() {
        when:
        Gs1.digitalLink('https://id.ocop.vn', '8931234567896', 'L1')

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
}
