package vn.ocop.deploy

import java.time.LocalDate
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
        expect:
        entries*.legacyDistrict().toSet() == DemoRegistry.DISTRICTS.toSet()
        entries*.subject()*.businessCode().toSet().size() == 29
        entries.every { it.issuedOn().plusMonths(36).isAfter(LocalDate.of(2026, 11, 23)) }
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
