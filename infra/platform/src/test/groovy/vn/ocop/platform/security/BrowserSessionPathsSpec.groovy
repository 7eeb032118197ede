package vn.ocop.platform.security

import spock.lang.Specification

/** Where a login may send the browser afterwards: pages of this site under /office, nothing else. */
class BrowserSessionPathsSpec extends Specification {

    def "#next is a page to return to"() {
        expect:
        BrowserSession.safeNext(next) == Optional.of(next)

        where:
        next << ['/office', '/office/', '/office?year=2025', '/office/reports/coverage?province=92&from=2025-01-01',
                 '/office?q=c%C3%A2y%20l%C3%BAa']
    }

    def "#next is refused (#why)"() {
        expect:
        BrowserSession.safeNext(next).empty

        where:
        why                          | next
        'nothing'                    | null
        'empty'                      | ''
        'an absolute URL'            | 'https://evil.example/office'
        'a scheme-relative URL'      | '//evil.example/office'
        'a backslash trick'          | '/\\evil.example/office'
        'a backslash inside'         | '/office\\..\\api'
        'another scheme'             | 'javascript:alert(1)'
        'not under /office'          | '/api/v1/products'
        'a look-alike prefix'        | '/officer-tools'
        'a dot segment'              | '/office/../api/v1/admin'
        'an encoded dot segment'     | '/office/%2e%2e/api'
        'an encoded slash'           | '/office%2f..%2fapi'
        'a line break'               | '/office\r\nSet-Cookie: x=1'
        'a space'                    | '/office /x'
        'a fragment'                 | '/office#x'
        'the login form itself'      | '/office/login'
        'the logout'                 | '/office/logout'
        'too long'                   | '/office?' + 'x' * 2001
        'relative without slash'     | 'office'
    }

    def "the login form's address carries the page, percent-encoded; an unsafe page is dropped"() {
        expect:
        BrowserSession.loginUrl('/office?year=2025&tab=lúa') == '/office/login?next=%2Foffice%3Fyear%3D2025%26tab%3Dl%C3%BAa'
        BrowserSession.loginUrl('//evil.example/office') == '/office/login'
    }

    def "a configured origin is kept without its trailing slash: #configured"() {
        expect:
        BrowserSession.origin(configured, 'ocop.web.login-origin') == origin

        where:
        configured                 || origin
        null                       || ''
        ''                         || ''
        '  '                       || ''
        'http://127.0.0.1:8081'    || 'http://127.0.0.1:8081'
        'https://ocop.example.vn/' || 'https://ocop.example.vn'
    }

    def "a configured origin with #what is a configuration error naming the property"() {
        when:
        BrowserSession.origin(configured, 'ocop.web.login-origin')

        then:
        def e = thrown(IllegalArgumentException)
        e.message.startsWith("ocop.web.login-origin must be an origin such as https://ocop.example.vn")
        e.message.endsWith("it is '$configured'")

        where:
        what          | configured
        'a path'      | 'https://ocop.example.vn/identity'
        'a query'     | 'https://ocop.example.vn?x=1'
        'no scheme'   | 'ocop.example.vn'
        'ftp'         | 'ftp://ocop.example.vn'
        'credentials' | 'https://user:pw@ocop.example.vn'
        'no host'     | 'http://'
    }
}
