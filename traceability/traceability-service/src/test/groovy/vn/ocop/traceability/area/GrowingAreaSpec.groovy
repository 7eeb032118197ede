package vn.ocop.traceability.area

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.LocalDate
import vn.ocop.platform.Infra
import vn.ocop.platform.event.Ids
import vn.ocop.traceability.ServiceSpec
import vn.ocop.traceability.SpecClock
import vn.ocop.traceability.locality.Commune
import vn.ocop.traceability.locality.CommuneRepository

/**
 * Sellers and cooperatives declare their growing areas (boundary, households, certificates) and keep a farming diary;
 * officers of the area's province verify or reject them. Runs with a 5% area tolerance to show it is configurable.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'GrowingAreaSpec')
@Property(name = 'ocop.traceability.growing-areas.area-tolerance', value = '0.05')
@Property(name = 'ocop.test.clock-start', value = SpecClock.NOON)
class GrowingAreaSpec extends ServiceSpec {

    static final UUID COOP = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b')
    static final UUID OTHER_SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0c')
    static final UUID OFFICER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0d')
    static final String CAN_THO = '92'
    /** The service's today (see SpecClock). */
    static final LocalDate VN_TODAY = LocalDate.parse('2026-11-20')
    /** About 10.93 ha of paddy near Mỹ Xuyên (0.003° x 0.003° at 9.56° N). */
    static final Map FIELD = polygon(105.980, 9.560, 0.003)

    @Inject @Client('/') HttpClient client
    @Inject TransactionOperations<Connection> tx
    @Inject CommuneRepository communes

    def setup() {
        clean(tx)
        communes.deleteAll()
        communes.saveAll([new Commune('31684', CAN_THO, 'Phường Mỹ Xuyên'), new Commune('31708', CAN_THO, 'Xã Nhu Gia'),
                          new Commune('00004', '01', 'Phường Ba Đình')])
        communes.recordEdition('a' * 64)
    }

    def "a cooperative declares a growing area and reads it back"() {
        when:
        def response = post('/api/v1/growing-areas', area(
                members: [[name: 'Trần Thị Bé'], [name: 'Lý Văn Sáu', phone: '0912345678']],
                certificates: [[scheme: 'VIETGAP', number: 'VG-2025-0113', issuer: 'Trung tâm Chứng nhận Phù hợp (QUACERT)',
                                validUntil: VN_TODAY.plusYears(1).toString()],
                               [scheme: 'GLOBALGAP', number: '4063061234567', issuer: 'Control Union',
                                validUntil: VN_TODAY.minusDays(1).toString()]]))

        then:
        response.status().code == 201
        def area = response.body()
        response.header('Location') == "/api/v1/growing-areas/${area.id}".toString()
        area.code == 'VN-92-MX-0017'
        area.sellerId == COOP.toString()
        area.crop == 'Lúa ST25'
        area.declaredAreaHa == 11
        Math.abs((area.computedAreaHa as BigDecimal) - expectedHa(105.980, 9.560, 0.003)) < 0.01
        !area.areaMismatch
        area.commune == [code: '31684', name: 'Phường Mỹ Xuyên', provinceCode: CAN_THO]
        area.legacyCommuneCode == '31690'
        area.boundary == [type: 'Polygon', coordinates: FIELD.coordinates]
        area.status == 'UNVERIFIED'
        area.representative == [name: 'Nguyễn Văn Cua', phone: '+84299382123']
        area.members == [[name: 'Trần Thị Bé'], [name: 'Lý Văn Sáu', phone: '0912345678']]
        area.certificates*.subMap('scheme', 'number', 'expired') == [
                [scheme: 'VIETGAP', number: 'VG-2025-0113', expired: false],
                [scheme: 'GLOBALGAP', number: '4063061234567', expired: true]]

        and: 'it reads back the same, by its seller and by an officer'
        get("/api/v1/growing-areas/${area.id}", token(COOP, ['SELLER'])).body() == area
        get("/api/v1/growing-areas/${area.id}", token(OFFICER, ['OFFICER'], CAN_THO)).body() == area

        and: 'the households are stored in order, the representative first'
        Infra.rows(tx, 'SELECT name, representative FROM growing_area_households WHERE area_id = ? ORDER BY position', [area.id])
                .collect { [it.name, it.representative as boolean] } ==
                [['Nguyễn Văn Cua', true], ['Trần Thị Bé', false], ['Lý Văn Sáu', false]]
    }

    def "a boundary given as a GeoJSON Feature of a MultiPolygon with a hole is stored as its geometry"() {
        given: 'two fields, the first with a pond cut out'
        def first = polygon(105.980, 9.560, 0.003).coordinates + [ring(105.981, 9.561, 0.001).reverse()]
        def second = polygon(105.990, 9.560, 0.002).coordinates
        def boundary = [type: 'Feature', properties: [ten: 'Cánh đồng lớn'], geometry: [type: 'MultiPolygon', coordinates: [first, second]]]

        when:
        def area = post('/api/v1/growing-areas', area(boundary: boundary, declaredAreaHa: 14)).body()

        then:
        area.boundary == [type: 'MultiPolygon', coordinates: [first, second]]
        def expected = expectedHa(105.980, 9.560, 0.003) - expectedHa(105.981, 9.561, 0.001) + expectedHa(105.990, 9.560, 0.002)
        Math.abs((area.computedAreaHa as BigDecimal) - expected) < 0.01
    }

    def "declaring #declared ha for a boundary of 10.93 ha is flagged as a mismatch: #flagged"() {
        expect:
        post('/api/v1/growing-areas', area(declaredAreaHa: declared)).body().areaMismatch == flagged

        where:
        declared || flagged
        10.93    || false
        11.4     || false
        10.45    || false
        11.6     || true
        10.3     || true
        25       || true
    }

    def "a seller lists their growing areas, newest first, page by page"() {
        given:
        def codes = (1..3).collect { "VN-92-MX-00${it}".toString() }
        codes.each { assert post('/api/v1/growing-areas', area(code: it)).status().code == 201 }
        assert post('/api/v1/growing-areas', area(code: 'VN-92-NG-0001'), token(OTHER_SELLER, ['SELLER'])).status().code == 201

        when:
        def first = get("/api/v1/sellers/$COOP/growing-areas?limit=2", token(COOP, ['SELLER'])).body()
        def second = get("/api/v1/sellers/$COOP/growing-areas?limit=2&cursor=${first.nextCursor}", token(COOP, ['SELLER'])).body()

        then:
        first.items*.code == ['VN-92-MX-003', 'VN-92-MX-002']
        first.items.first().subMap('crop', 'status', 'commune') ==
                [crop: 'Lúa ST25', status: 'UNVERIFIED', commune: [code: '31684', name: 'Phường Mỹ Xuyên', provinceCode: CAN_THO]]
        first.nextCursor != null
        second.items*.code == ['VN-92-MX-001']
        second.nextCursor == null
    }

    def "a seller's growing areas are listed for #reader: #status"() {
        given:
        assert post('/api/v1/growing-areas', area()).status().code == 201

        expect:
        get("/api/v1/sellers/$COOP/growing-areas", bearer).status().code == status

        where:
        reader           | bearer                                      || status
        'the seller'     | token(COOP, ['SELLER'])                     || 200
        'an officer'     | token(OFFICER, ['OFFICER'], '01')           || 200
        'an admin'       | token(Ids.newId(), ['ADMIN'])               || 200
        'another seller' | token(OTHER_SELLER, ['SELLER'])             || 403
        'a buyer'        | token(COOP, ['BUYER'])                      || 403
        'nobody'         | null                                        || 401
    }

    def "a certificate is added later; the same one twice is a conflict"() {
        given:
        def area = post('/api/v1/growing-areas', area()).body()
        def certificate = [scheme: 'VIETGAP', number: 'VG-2026-0042', issuer: 'Chi cục Trồng trọt và BVTV Cần Thơ',
                           validUntil: VN_TODAY.toString()]

        when:
        def added = post("/api/v1/growing-areas/${area.id}/certificates", certificate)
        def again = post("/api/v1/growing-areas/${area.id}/certificates", certificate)

        then: 'valid until the end of today, Vietnam time'
        added.status().code == 201
        added.body().certificates*.subMap('scheme', 'number', 'issuer', 'validUntil', 'expired') ==
                [certificate + [expired: false]]
        again.status().code == 409
        again.body().code == 'certificate_exists'
        Infra.count(tx, 'SELECT COUNT(*) FROM growing_area_certificates') == 1
    }

    def "the farming diary keeps entries with their inputs, read in date order between two dates"() {
        given:
        def area = post('/api/v1/growing-areas', area()).body()
        def diary = "/api/v1/growing-areas/${area.id}/diary-entries"

        when:
        def sowing = post(diary, [date: '2026-08-01', activity: 'Gieo sạ', inputs: [[name: 'Lúa giống ST25 cấp xác nhận', quantity: 80, unit: 'kg']]])
        post(diary, [date: '2026-08-25', activity: 'Bón phân đợt 2', note: 'Sau mưa',
                     inputs: [[name: 'Phân NPK 20-20-15', quantity: 150, unit: 'kg'], [name: 'Urê', quantity: 50.5, unit: 'kg']]])
        post(diary, [date: '2026-08-10', activity: 'Phun thuốc trừ rầy', inputs: [[name: 'Chess 50WG', quantity: 0.3, unit: 'kg']]])
        post(diary, [date: '2026-09-02', activity: 'Thăm đồng'])

        then:
        sowing.status().code == 201
        sowing.body().subMap('date', 'activity', 'inputs') ==
                [date: '2026-08-01', activity: 'Gieo sạ', inputs: [[name: 'Lúa giống ST25 cấp xác nhận', quantity: 80, unit: 'kg']]]

        and: 'all of it, page by page'
        def first = get("$diary?limit=2", token(COOP, ['SELLER'])).body()
        first.items*.activity == ['Gieo sạ', 'Phun thuốc trừ rầy']
        def rest = get("$diary?limit=2&cursor=${first.nextCursor}", token(OFFICER, ['OFFICER'], CAN_THO)).body()
        rest.items*.activity == ['Bón phân đợt 2', 'Thăm đồng']
        rest.items.first().inputs == [[name: 'Phân NPK 20-20-15', quantity: 150, unit: 'kg'], [name: 'Urê', quantity: 50.5, unit: 'kg']]
        rest.items.first().note == 'Sau mưa'
        rest.items.last().inputs == []
        rest.nextCursor == null

        and: 'between two dates'
        get("$diary?from=2026-08-05&to=2026-08-31", token(COOP, ['SELLER'])).body().items*.date == ['2026-08-10', '2026-08-25']
    }

    def "an officer of the province verifies a growing area"() {
        given:
        def area = post('/api/v1/growing-areas', area()).body()

        when:
        def verified = post("/api/v1/growing-areas/${area.id}/verification", [decision: 'VERIFIED'], token(OFFICER, ['OFFICER'], CAN_THO))

        then:
        verified.status().code == 200
        verified.body().status == 'VERIFIED'
        verified.body().decidedAt != null
        Infra.rows(tx, 'SELECT status, decided_by FROM growing_areas WHERE id = ?', [area.id]) ==
                [[status: 'VERIFIED', decided_by: OFFICER.toString()]]

        when: 'deciding again'
        def again = post("/api/v1/growing-areas/${area.id}/verification", [decision: 'REJECTED', reason: 'Sai ranh giới'],
                token(OFFICER, ['OFFICER'], CAN_THO))

        then:
        again.status().code == 409
        again.body().code == 'growing_area_decided'
        get("/api/v1/growing-areas/${area.id}", token(COOP, ['SELLER'])).body().status == 'VERIFIED'
    }

    def "an officer rejects a growing area with a reason, and lots cannot come from it"() {
        given:
        def area = post('/api/v1/growing-areas', area()).body()

        when:
        def rejected = post("/api/v1/growing-areas/${area.id}/verification",
                [decision: 'REJECTED', reason: 'Ranh giới chồng lấn vùng trồng VN-92-MX-0009'], token(OFFICER, ['OFFICER'], CAN_THO))

        then:
        rejected.status().code == 200
        rejected.body().subMap('status', 'rejectionReason') ==
                [status: 'REJECTED', rejectionReason: 'Ranh giới chồng lấn vùng trồng VN-92-MX-0009']
    }

    def "a seller corrects a rejected growing area, which then awaits verification again"() {
        given:
        def area = post('/api/v1/growing-areas', area(members: [[name: 'Trần Thị Bé']])).body()
        assert post("/api/v1/growing-areas/${area.id}/verification", [decision: 'REJECTED', reason: 'Ranh giới sai'],
                token(OFFICER, ['OFFICER'], CAN_THO)).status().code == 200
        assert post("/api/v1/growing-areas/${area.id}/certificates", [scheme: 'VIETGAP', number: 'VG-1', issuer: 'QUACERT',
                                                                      validUntil: '2027-06-30']).status().code == 201

        when:
        def corrected = put("/api/v1/growing-areas/${area.id}", redeclaration(code: 'VN-92-NG-0003', communeCode: '31708',
                legacyCommuneCode: '31720', boundary: polygon(105.950, 9.540, 0.002), declaredAreaHa: 4.9,
                members: [[name: 'Lý Văn Sáu'], [name: 'Trần Thị Bé']]))

        then:
        corrected.status().code == 200
        with(corrected.body()) {
            id == area.id
            code == 'VN-92-NG-0003'
            commune == [code: '31708', name: 'Xã Nhu Gia', provinceCode: CAN_THO]
            legacyCommuneCode == '31720'
            Math.abs((computedAreaHa as BigDecimal) - expectedHa(105.950, 9.540, 0.002)) < 0.01
            !areaMismatch
            status == 'UNVERIFIED'
            rejectionReason == null
            decidedAt == null
            members == [[name: 'Lý Văn Sáu'], [name: 'Trần Thị Bé']]
            certificates*.number == ['VG-1']
        }
        get("/api/v1/growing-areas/${area.id}", token(COOP, ['SELLER'])).body() == corrected.body()
        Infra.count(tx, 'SELECT COUNT(*) FROM growing_area_households WHERE area_id = ?', [area.id]) == 3
    }

    def "a correction #situation is refused with #status #problem, and nothing changes"() {
        given:
        assert post('/api/v1/growing-areas', area(code: 'VN-92-MX-0099')).status().code == 201
        def declared = post('/api/v1/growing-areas', area()).body()
        if (verified) {
            assert post("/api/v1/growing-areas/${declared.id}/verification", [decision: 'VERIFIED'], token(OFFICER, ['OFFICER'], CAN_THO))
                    .status().code == 200
        }
        def before = snapshot()

        when:
        def response = put("/api/v1/growing-areas/${declared.id}", redeclaration(overrides), bearer)

        then:
        response.status().code == status
        response.body().code == problem
        snapshot() == before

        where:
        situation                      | verified | overrides                                             | bearer                          || status | problem
        'of a verified area'           | true     | [declaredAreaHa: 10.9]                                | token(COOP, ['SELLER'])         || 409    | 'growing_area_verified'
        'by another seller'            | false    | [declaredAreaHa: 10.9]                                | token(OTHER_SELLER, ['SELLER']) || 403    | 'growing_area_not_yours'
        'with an open ring'            | false    | [boundary: [type: 'Polygon', coordinates: [ring(105.98, 9.56, 0.003).dropRight(1)]]] | token(COOP, ['SELLER']) || 400 | 'boundary_invalid'
        "with another area's code"     | false    | [code: 'vn-92-mx-0099']                               | token(COOP, ['SELLER'])         || 409    | 'growing_area_code_taken'
        'with no representative'       | false    | [representative: null]                                | token(COOP, ['SELLER'])         || 400    | 'invalid_request'
    }

    def "a decision #situation is refused with #status #problem, and the area stays unverified"() {
        given:
        def area = post('/api/v1/growing-areas', area()).body()

        when:
        def response = post("/api/v1/growing-areas/${area.id}/verification", body, bearer)

        then:
        response.status().code == status
        response.contentType.get().toString() == 'application/problem+json'
        response.body().code == problem
        Infra.rows(tx, 'SELECT status, decided_by, rejection_reason FROM growing_areas')  ==
                [[status: 'UNVERIFIED', decided_by: null, rejection_reason: null]]

        where:
        situation                        | body                                | bearer                                 || status | problem
        'to reject without a reason'     | [decision: 'REJECTED']              | token(OFFICER, ['OFFICER'], CAN_THO)   || 400    | 'invalid_request'
        'to reject with a blank reason'  | [decision: 'REJECTED', reason: ' '] | token(OFFICER, ['OFFICER'], CAN_THO)   || 400    | 'invalid_request'
        "by another province's officer"  | [decision: 'VERIFIED']              | token(OFFICER, ['OFFICER'], '01')      || 403    | 'growing_area_other_province'
        'by an officer with no province' | [decision: 'VERIFIED']              | token(OFFICER, ['OFFICER'])            || 403    | 'officer_only'
        'by its own seller'              | [decision: 'VERIFIED']              | token(COOP, ['SELLER'])                || 403    | 'forbidden'
        'by an admin'                    | [decision: 'VERIFIED']              | token(OFFICER, ['ADMIN'])              || 403    | 'forbidden'
        'of an unknown kind'             | [decision: 'APPROVED']              | token(OFFICER, ['OFFICER'], CAN_THO)   || 400    | 'unreadable_body'
    }

    def "a declaration with #situation is refused with #status #problem, and nothing is stored"() {
        when:
        def response = post('/api/v1/growing-areas', area(overrides))

        then:
        response.status().code == status
        response.contentType.get().toString() == 'application/problem+json'
        response.body().code == problem
        response.body().errors*.field == fields
        ['growing_areas', 'growing_area_households', 'growing_area_certificates'].every {
            Infra.count(tx, "SELECT COUNT(*) FROM $it") == 0
        }

        where:
        situation                              | overrides                                                                        || status | problem            | fields
        'an open ring'                         | [boundary: [type: 'Polygon', coordinates: [ring(105.98, 9.56, 0.003).dropRight(1) + [[105.98, 9.561]]]]] || 400 | 'boundary_invalid' | ['boundary.coordinates[0]']
        'a self-intersecting ring (bow tie)'   | [boundary: [type: 'Polygon', coordinates: [[[105.98, 9.56], [105.983, 9.563], [105.983, 9.56], [105.98, 9.563], [105.98, 9.56]]]]] || 400 | 'boundary_invalid' | ['boundary']
        'positions east of Vietnam'            | [boundary: polygon(109.469, 12.0, 0.003)]                                        || 400    | 'boundary_invalid' | ['boundary.coordinates[0][1]', 'boundary.coordinates[0][2]']
        'latitude before longitude'            | [boundary: [type: 'Polygon', coordinates: [ring(105.98, 9.56, 0.003).collect { it.reverse() }]]] || 400 | 'boundary_invalid' | (0..4).collect { "boundary.coordinates[0][$it]".toString() }
        'a ring of three positions'            | [boundary: [type: 'Polygon', coordinates: [[[105.98, 9.56], [105.983, 9.56], [105.98, 9.56]]]]] || 400 | 'boundary_invalid' | ['boundary.coordinates[0]']
        'a position that is not a pair'        | [boundary: [type: 'Polygon', coordinates: [[[105.98, 9.56], [105.983], [105.983, 9.563], [105.98, 9.56]]]]] || 400 | 'boundary_invalid' | ['boundary.coordinates[0][1]']
        'a hole outside its polygon'           | [boundary: [type: 'Polygon', coordinates: [ring(105.98, 9.56, 0.003), ring(105.99, 9.56, 0.001)]]] || 400 | 'boundary_invalid' | ['boundary']
        'overlapping polygons'                 | [boundary: [type: 'MultiPolygon', coordinates: [[ring(105.98, 9.56, 0.003)], [ring(105.981, 9.561, 0.003)]]]] || 400 | 'boundary_invalid' | ['boundary']
        'a point'                              | [boundary: [type: 'Point', coordinates: [105.98, 9.56]]]                         || 400    | 'boundary_invalid' | ['boundary.type']
        'no boundary'                          | [boundary: null]                                                                 || 400    | 'invalid_request'  | ['boundary']
        'a declared area of 0'                 | [declaredAreaHa: 0]                                                              || 400    | 'invalid_request'  | ['declaredAreaHa']
        'a negative declared area'             | [declaredAreaHa: -10.9]                                                          || 400    | 'invalid_request'  | ['declaredAreaHa']
        'a code with Vietnamese letters'       | [code: 'VN-92-MỸXUYÊN-1']                                                        || 400    | 'invalid_request'  | ['code']
        'a code with a space'                  | [code: 'VN 92 0017']                                                             || 400    | 'invalid_request'  | ['code']
        'a code of 41 characters'              | [code: 'V' * 41]                                                                 || 400    | 'invalid_request'  | ['code']
        'a code of 2 characters'               | [code: 'VN']                                                                     || 400    | 'invalid_request'  | ['code']
        'a code ending with a dash'            | [code: 'VN-92-']                                                                 || 400    | 'invalid_request'  | ['code']
        'no crop'                              | [crop: ' ']                                                                      || 400    | 'invalid_request'  | ['crop']
        'a commune code of 4 digits'           | [communeCode: '3168']                                                            || 400    | 'invalid_request'  | ['communeCode']
        'a legacy commune code with letters'   | [legacyCommuneCode: '3169O']                                                     || 400    | 'invalid_request'  | ['legacyCommuneCode']
        'a commune not in the official list'   | [communeCode: '31690']                                                           || 422    | 'commune_unknown'  | ['communeCode']
        'no representative'                    | [representative: null]                                                           || 400    | 'invalid_request'  | ['representative']
        'a phone with letters'                 | [representative: [name: 'Nguyễn Văn Cua', phone: '0912-ABC']]                   || 400    | 'invalid_request'  | ['representative.phone']
        'a certificate without a number'       | [certificates: [[scheme: 'VIETGAP', number: '', issuer: 'QUACERT', validUntil: '2027-01-01']]] || 400 | 'invalid_request' | ['certificates[0].number']
    }

    def "the same code is taken whatever its case"() {
        given:
        assert post('/api/v1/growing-areas', area(code: 'VN-92-MX-0017')).status().code == 201

        when:
        def again = post('/api/v1/growing-areas', area(code: 'vn-92-mx-0017'), token(OTHER_SELLER, ['SELLER']))

        then:
        again.status().code == 409
        again.body().code == 'growing_area_code_taken'
        Infra.count(tx, 'SELECT COUNT(*) FROM growing_areas') == 1
    }

    def "before the official communes reach the service, declarations wait (503)"() {
        given:
        communes.deleteAll()
        Infra.execute(tx, 'DELETE FROM admin_units_edition')

        when:
        def response = post('/api/v1/growing-areas', area())

        then:
        response.status().code == 503
        response.body().code == 'admin_units_unavailable'
        Infra.count(tx, 'SELECT COUNT(*) FROM growing_areas') == 0
    }

    def "another seller can neither #action a growing area, and nothing changes"() {
        given:
        def area = post('/api/v1/growing-areas', area()).body()
        def path = "/api/v1/growing-areas/${area.id}$resource"
        def bearer = token(OTHER_SELLER, ['SELLER'])

        when:
        def response = method == 'PUT' ? put(path, body, bearer) : body == null ? get(path, bearer) : post(path, body, bearer)

        then:
        response.status().code == 403
        response.body().code == 'growing_area_not_yours'
        Infra.count(tx, 'SELECT COUNT(*) FROM growing_area_certificates') == 0
        Infra.count(tx, 'SELECT COUNT(*) FROM farming_diary_entries') == 0
        Infra.rows(tx, 'SELECT declared_area_ha FROM growing_areas')*.declared_area_ha == [11]

        where:
        action                 | method | resource          | body
        'read'                 | 'GET'  | ''                | null
        'correct'              | 'PUT'  | ''                | redeclaration(declaredAreaHa: 5)
        'add a certificate to' | 'POST' | '/certificates'   | [scheme: 'VIETGAP', number: 'X-1', issuer: 'QUACERT', validUntil: '2027-01-01']
        'write the diary of'   | 'POST' | '/diary-entries'  | [date: '2026-08-01', activity: 'Gieo sạ']
        'read the diary of'    | 'GET'  | '/diary-entries'  | null
    }

    def "a diary entry with #situation is refused, and nothing is stored"() {
        given:
        def area = post('/api/v1/growing-areas', area()).body()

        when:
        def response = post("/api/v1/growing-areas/${area.id}/diary-entries", [date: '2026-08-01', activity: 'Bón phân'] + overrides)

        then:
        response.status().code == 400
        response.body().errors*.field == fields
        Infra.count(tx, 'SELECT COUNT(*) FROM farming_diary_entries') == 0
        Infra.count(tx, 'SELECT COUNT(*) FROM farming_diary_inputs') == 0

        where:
        situation                 | overrides                                                          || fields
        'an input quantity of 0'  | [inputs: [[name: 'Urê', quantity: 0, unit: 'kg']]]                 || ['inputs[0].quantity']
        'a negative input'        | [inputs: [[name: 'Urê', quantity: 5, unit: 'kg'], [name: 'Kali', quantity: -1, unit: 'kg']]] || ['inputs[1].quantity']
        'an input without a unit' | [inputs: [[name: 'Urê', quantity: 5, unit: '']]]                   || ['inputs[0].unit']
        'a date in the future'    | [date: VN_TODAY.plusDays(1).toString()]                            || ['date']
        'no activity'             | [activity: '']                                                     || ['activity']
    }

    def "an unknown growing area is not found"() {
        expect:
        get("/api/v1/growing-areas/${Ids.newId()}", token(COOP, ['SELLER'])).with {
            it.status().code == 404 && it.body().code == 'growing_area_not_found'
        }
    }

    /** A square ring of {@code size} degrees, counter-clockwise from its south-west corner. */
    static List ring(double lon, double lat, double size) {
        [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]].collect { p ->
            p.collect { (it as BigDecimal).setScale(6, BigDecimal.ROUND_HALF_UP) }
        }
    }

    static Map polygon(double lon, double lat, double size) {
        [type: 'Polygon', coordinates: [ring(lon, lat, size)]]
    }

    /**
     * The area of a small square of {@code size} degrees on the WGS 84 ellipsoid, from the area element
     * a²(1−e²)cos φ / (1−e² sin² φ)² dφ dλ at its middle latitude: independent of GeographicLib, close to a square metre.
     */
    static BigDecimal expectedHa(double lon, double lat, double size) {
        double a = 6378137, e2 = 0.0066943799901413165
        double phi = Math.toRadians(lat + size / 2)
        double s = Math.sin(phi)
        double perSquareRadian = a * a * (1 - e2) * Math.cos(phi) / Math.pow(1 - e2 * s * s, 2)
        (perSquareRadian * Math.toRadians(size) * Math.toRadians(size) / 10_000) as BigDecimal
    }

    /** Rows of the area tables, to show that a refused request changed nothing. */
    private List snapshot() {
        ['growing_areas', 'growing_area_households'].collect { Infra.rows(tx, "SELECT * FROM $it ORDER BY 1, 2") }
    }

    private static Map redeclaration(Map overrides = [:]) {
        area(overrides).findAll { it.key != 'certificates' }
    }

    private static Map area(Map overrides = [:]) {
        [code          : 'VN-92-MX-0017', crop: 'Lúa ST25', declaredAreaHa: 11, communeCode: '31684', legacyCommuneCode: '31690',
         boundary      : FIELD, representative: [name: 'Nguyễn Văn Cua', phone: '+84299382123']] + overrides
    }

    private HttpResponse<Map> post(String path, Map body, String bearer = token(COOP, ['SELLER'])) {
        MutableHttpRequest request = HttpRequest.POST(path, body)
        if (bearer) {
            request.bearerAuth(bearer)
        }
        exchange(request)
    }

    private HttpResponse<Map> put(String path, Map body, String bearer = token(COOP, ['SELLER'])) {
        exchange(HttpRequest.PUT(path, body).bearerAuth(bearer))
    }

    private HttpResponse<Map> get(String path, String bearer) {
        MutableHttpRequest request = HttpRequest.GET(path)
        if (bearer) {
            request.bearerAuth(bearer)
        }
        exchange(request)
    }

    private HttpResponse<Map> exchange(MutableHttpRequest request) {
        exchange(client, request)
    }
}
