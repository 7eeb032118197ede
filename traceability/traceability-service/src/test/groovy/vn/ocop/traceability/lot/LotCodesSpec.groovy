package vn.ocop.traceability.lot

import java.time.LocalDate
import spock.lang.Specification
import vn.ocop.traceability.gs1.Gs1

class LotCodesSpec extends Specification {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23)

    def "a generated code is L, the date and four unambiguous base32 characters, and a GS1 lot number"() {
        expect:
        (1..200).every {
            String code = LotCodes.generate(DAY)
            code ==~ /L261123[0-9A-HJKMNP-TV-Z]{4}/ && Gs1.isLotNumber(code)
        }
    }

    def "a code already taken is replaced by another"() {
        given:
        def tried = []

        when:
        def code = LotCodes.unused(DAY) { tried << it; tried.size() < 3 }

        then:
        tried.size() == 3
        code == tried.last()
    }

    def "after #attempts collisions in a row it gives up rather than loop"() {
        given:
        int calls = 0

        when:
        LotCodes.unused(DAY) { calls++; true }

        then:
        thrown(IllegalStateException)
        calls == attempts

        where:
        attempts = LotCodes.ATTEMPTS
    }
}
