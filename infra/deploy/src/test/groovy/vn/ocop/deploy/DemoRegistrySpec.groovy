package vn.ocop.deploy

import java.time.LocalDate
import java.time.ZoneId
import spock.lang.Specification

/** The demo registry has the seed documents' shape: what the run command loads and the coverage figures rely on. */
class DemoRegistrySpec extends Specification {

    def entries = DemoRegistry.entries()

    def "174 certificates: 1 five-star (the ST25 rice, central), 29 four-star, 144 three-star, unique numbers and names"() {
        expect:
        entries.size() == 174
        entries.countBy { it.stars() } == [5: 1, 4: 29, 3: 144]
        entries.find { it.stars() == 5 }.productName() == 'Gạo ST25 Ông Cua'
        entries*.number().toSet().size() == 174
        entries*.productName().toSet().size() == 174
    }

    def "spread over every former Sóc Trăng district, issued by 29 subjects, all valid today"() {
        given:
        def today = LocalDate.now(ZoneId.of('Asia/Ho_Chi_Minh'))

        expect:
        entries*.legacyDistrict().toSet() == DemoRegistry.DISTRICTS.toSet()
        entries*.subject()*.businessCode().toSet().size() == 29
        entries.every { !it.issuedOn().isAfter(today) && it.issuedOn().plusMonths(36).isAfter(today) }
    }

    def "certificates that ran out by the day of loading are renewed on the day they expired, under the same number"() {
        when:
        def before = DemoRegistry.entries(LocalDate.of(2026, 11, 23))
        def later = DemoRegistry.entries(LocalDate.of(2031, 3, 1))

        then: 'in 2026 all are first issues (2024-2025); in 2031 each is valid, renewed once or twice'
        before.every { it.issuedOn().year in [2024, 2025] }
        later.every { !it.issuedOn().isAfter(LocalDate.of(2031, 3, 1)) && it.issuedOn().plusMonths(36).isAfter(LocalDate.of(2031, 3, 1)) }
        [before, later].transpose().every { a, b -> a.number() == b.number() && b.issuedOn() in [a.issuedOn().plusMonths(36), a.issuedOn().plusMonths(72)] }
        and: 'the ST25 rice, first issued 2024-08-20, renewed 2027-08-20 and 2030-08-20'
        later.first().issuedOn() == LocalDate.of(2030, 8, 20)
    }

    def "about 80% listed, so online coverage is visibly below the 100% target"() {
        when:
        def listed = entries.count { it.listed() }

        then:
        listed == 140
        listed / entries.size() > 0.78 && listed / entries.size() < 0.82
    }

    def "the registry CSV has a row per certificate with the current commune of each former district"() {
        given:
        def communes = DemoRegistry.DISTRICTS.collectEntries { [it, '3' + it + '0'] }

        when:
        def lines = DemoRegistry.csv(communes).readLines()

        then:
        lines.size() == 175
        lines[0].startsWith('so_chung_nhan,ten_san_pham,chu_the,ma_so_thue,so_sao')
        lines[1].contains('"Gạo ST25 Ông Cua"') && lines[1].contains(',CENTRAL,') && lines[1].contains(',39470,947')
    }
}
