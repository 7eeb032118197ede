package vn.ocop.identity.account

import spock.lang.Specification

class ContactsSpec extends Specification {

    def "the phone #raw is stored as #national"() {
        expect:
        Contacts.phone(raw) == Optional.of(national)

        where:
        raw                 || national
        '0912345678'        || '0912345678'
        '+84912345678'      || '0912345678'
        '84912345678'       || '0912345678'
        '0912 345 678'      || '0912345678'
        '0912.345.678'      || '0912345678'
        '+84 912.345.678'   || '0912345678'
        '+84 0912 345 678'  || '0912345678'
        '0362-123-456'      || '0362123456'
        '0561234567'        || '0561234567'
        '0701234567'        || '0701234567'
        '0861234567'        || '0861234567'
    }

    def "#raw is not a Vietnamese mobile number"() {
        expect:
        Contacts.phone(raw).isEmpty()

        where:
        raw << ['02923123456', '091234567', '09123456789', '+85212345678', '0112345678', 'abc0912345678', '', null,
                '8491234567']
    }

    def "the e-mail #raw is stored as #stored"() {
        expect:
        Contacts.email(raw) == Optional.ofNullable(stored)

        where:
        raw                          || stored
        '  Chi.Nguyen@Example.VN '   || 'chi.nguyen@example.vn'
        'hop-tac-xa+ocop@soctrang.vn'|| 'hop-tac-xa+ocop@soctrang.vn'
        'no-at-sign.vn'              || null
        'two@@example.vn'            || null
        'dot.@example.vn'            || null
        'user@localhost'             || null
        'nguyễn@example.vn'          || null
        'user@exa mple.vn'           || null
    }

    def "a login string #login is looked up as #key"() {
        expect:
        Contacts.loginKey(login) == key

        where:
        login                  || key
        '+84 912 345 678'      || '0912345678'
        ' Buyer@Example.VN'    || 'buyer@example.vn'
        'Not A Login'          || 'not a login'
    }
}
