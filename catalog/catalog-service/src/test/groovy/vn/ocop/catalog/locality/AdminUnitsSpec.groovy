package vn.ocop.catalog.locality

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.platform.Infra
import vn.ocop.platform.problem.ProblemException

@MicronautTest(transactional = false)
class AdminUnitsSpec extends CatalogSpecification {

    @Inject AdminUnits units
    @Inject AdminUnitsLoader loader

    def "the official lists are in the database: 34 provinces, 3,321 communes, and the former units"() {
        expect:
        Infra.count(tx, 'SELECT COUNT(*) FROM provinces', []) == 34
        Infra.count(tx, 'SELECT COUNT(*) FROM communes', []) == 3321
        Infra.count(tx, "SELECT COUNT(*) FROM communes WHERE province_code = '92'", []) == 103
        Infra.count(tx, "SELECT COUNT(*) FROM legacy_districts WHERE province_code = '94'", []) == 11
        Infra.count(tx, 'SELECT COUNT(*) FROM legacy_communes', []) >= 10051

        and: 'names that the file breaks over two lines are whole again'
        Infra.rows(tx, "SELECT name FROM communes WHERE code = '31684'", []) == [[name: 'Phường Mỹ Xuyên']]

        and: 'starting again with the same lists loads nothing'
        !loader.load()
        Infra.rows(tx, "SELECT checksum FROM reference_data WHERE name = 'admin-units'", []).first().checksum ==
                AdminUnitsLoader.fingerprint(units.lists().checksum())
    }

    def "an address form lists provinces and finds a commune without accents"() {
        when:
        List provinces = read(HttpRequest.GET('/api/v1/admin-units/provinces'))

        then:
        provinces.size() == 34
        provinces.find { it.code == '92' }.name == 'Thành phố Cần Thơ'
        read(HttpRequest.GET('/api/v1/admin-units/provinces/92/communes?q=my%20xuyen')) ==
                [[code: '31684', name: 'Phường Mỹ Xuyên']]
    }

    def "Thị trấn Mỹ Xuyên of the former Mỹ Xuyên district is today's Phường Mỹ Xuyên in Cần Thơ"() {
        when:
        def former = read(HttpRequest.GET('/api/v1/admin-units/legacy-communes/31684'))

        then:
        former.name == 'Thị trấn Mỹ Xuyên'
        former.district == [code: '947', name: 'Huyện Mỹ Xuyên']
        former.province == [code: '94', name: 'Tỉnh Sóc Trăng']
        former.successors == [[code: '31684', name: 'Phường Mỹ Xuyên', province: [code: '92', name: 'Thành phố Cần Thơ'],
                               whole: true, note: 'Nhập toàn bộ']]

        when: 'the other way round'
        def current = read(HttpRequest.GET('/api/v1/admin-units/communes/31684'))

        then:
        current.province.code == '92'
        current.predecessors*.code.toSet() == ['31525', '31684', '31690'].toSet()
    }

    def "a former commune split between two current ones maps to both, marked partial"() {
        when:
        def former = read(HttpRequest.GET('/api/v1/admin-units/legacy-communes/00016'))

        then:
        former.name == 'Phường Ngọc Hà'
        former.successors*.code.toSet() == ['00004', '00008'].toSet()
        former.successors.every { !it.whole }
    }

    def "a former district maps to the current communes that hold it"() {
        when:
        def district = read(HttpRequest.GET('/api/v1/admin-units/legacy-districts/947'))

        then:
        district.name == 'Huyện Mỹ Xuyên'
        district.communes*.code.contains('31684')
        district.currentCommunes*.code.contains('31684')
        district.currentCommunes.every { it.province.code == '92' }

        and:
        read(HttpRequest.GET('/api/v1/admin-units/legacy-districts?province=94'))*.name.containsAll(
                ['Thành phố Sóc Trăng', 'Huyện Mỹ Xuyên', 'Huyện Trần Đề', 'Thị xã Vĩnh Châu'])
    }

    def "unknown codes answer 404 problem+json"() {
        when:
        def response = call(HttpRequest.GET("/api/v1/admin-units/$path"))

        then:
        response.status().code == 404
        response.contentType.get().toString() == 'application/problem+json'
        body(response).code == 'admin_unit_not_found'

        where:
        path << ['communes/99999', 'legacy-communes/99999', 'legacy-districts/999', 'provinces/94/communes']
    }

    def "an address is checked against the current units: #why"() {
        when:
        units.requireCommune('address.', province, commune)

        then:
        ProblemException e = thrown()
        e.errors()*.field() == [field]

        where:
        why                                   | province | commune | field
        'unknown province'                    | '94'     | '31684' | 'address.provinceCode'
        'unknown commune'                     | '92'     | '99999' | 'address.communeCode'
        'a commune of another province'       | '01'     | '31684' | 'address.communeCode'
    }

    def "a former district is accepted only where it lies today"() {
        expect:
        units.requireLegacyDistrict('legacyDistrictCode', '947', '92').name() == 'Huyện Mỹ Xuyên'

        when:
        units.requireLegacyDistrict('legacyDistrictCode', '947', '01')

        then:
        ProblemException e = thrown()
        e.errors()*.field() == ['legacyDistrictCode']
    }
}
