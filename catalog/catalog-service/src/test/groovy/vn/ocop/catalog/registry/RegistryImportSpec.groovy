package vn.ocop.catalog.registry

import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.multipart.MultipartBody
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import java.nio.charset.Charset
import java.nio.charset.StandardCharsets
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.platform.Infra
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

@MicronautTest(transactional = false)
class RegistryImportSpec extends CatalogSpecification {

    static final String HEADER = 'Số chứng nhận,Tên sản phẩm,Chủ thể,Mã số thuế,Số sao,Nhóm sản phẩm,Cấp công nhận,Ngày công nhận,' +
            'Ngày hết hạn,Mã tỉnh,Mã xã,Mã huyện cũ,Trạng thái'

    String officer = TestIdentity.officer(Ids.newId(), CAN_THO)

    /** Unique certificate numbers per test, so tests never meet each other's rows. */
    String prefix = "T${System.nanoTime()}"

    Map importCsv(String csv, String token = officer, boolean dryRun = false, Charset charset = StandardCharsets.UTF_8,
                  boolean bom = true) {
        byte[] bytes = (bom ? '\uFEFF' + csv : csv).getBytes(charset)
        def response = call(HttpRequest.POST("/api/v1/ocop/certificates/imports?dryRun=$dryRun&fileName=danh-sach.csv", bytes)
                .contentType('text/csv').bearerAuth(token))
        [status: response.status().code, body: body(response)]
    }

    String rows(String... lines) {
        ([HEADER] + lines.toList()).join('\r\n') + '\r\n'
    }

    def "officers import the official list; a row with errors is reported and skipped, the others are created"() {
        given:
        def csv = rows(
                "$prefix-01,Gạo ST25 Ông Cua,DNTN Hồ Quang,2200112233,4,Thực phẩm,Tỉnh,15/03/2024,,92,31684,947,Hiệu lực",
                "$prefix-02,Nước mắm Đại Đồng,HTX Đại Đồng,,3,thuc pham,tinh,2023-06-01,,92,,951,",
                "$prefix-03,Trà sen,HTX Sen,,6,Đồ uống,Tỉnh,2024-01-01,,92,,,",
                "$prefix-04,Bánh pía,Cơ sở Tân Huê Viên,,3,Bánh kẹo,Tỉnh,2024-01-01,,92,,,",
                "$prefix-05,Mật ong,HTX Ong,,3,Thực phẩm,Tỉnh,31/02/2024,,92,99999,,",
                "$prefix-01,Gạo ST25 lần hai,DNTN Hồ Quang,,4,Thực phẩm,Tỉnh,2024-03-15,,92,,,",
                "\"$prefix-06\",\"Khô cá lóc\n(túi 500 g)\",\"Cơ sở Út Hiền\",,5,Thực phẩm,Tỉnh,2024-05-05,,92,,,")

        when:
        def report = importCsv(csv)

        then:
        report.status == 200
        with(report.body) {
            rows == 7
            created == 2
            errors == 5
            results*.outcome == ['CREATED', 'CREATED', 'ERROR', 'ERROR', 'ERROR', 'ERROR', 'ERROR']
            results*.row == [2, 3, 4, 5, 6, 7, 8]
            results[2].errors*.field == ['stars']
            results[3].errors*.field == ['group']
            results[4].errors*.field.toSet() == ['issue_date', 'commune_code'].toSet()
            results[5].errors[0].message.contains('appears twice')
            results[6].errors*.field == ['issuing_level'] // 5 stars are certified at the central level
        }

        and: 'the expiry defaults to 36 months after issue, and the rows are stored as given'
        Infra.rows(tx, 'SELECT stars, ocop_group, issued_on, expires_on, commune_code, legacy_district_code FROM ocop_certificates ' +
                'WHERE number = ?', ["$prefix-01".toString()]).first().with {
            [it.stars, it.ocop_group, it.issued_on.toString(), it.expires_on.toString(), it.commune_code, it.legacy_district_code]
        } == [4, 'FOOD', '2024-03-15', '2027-03-15', '31684', '947']
        Infra.count(tx, 'SELECT COUNT(*) FROM registry_imports WHERE file_name = ? AND created_count = 2', ['danh-sach.csv']) >= 1
    }

    def "the same file imported again changes nothing; a changed row updates its certificate"() {
        given:
        def first = rows("$prefix-11,Tôm khô,HTX Tôm,,3,Thực phẩm,Tỉnh,2024-02-01,,92,,,",
                "$prefix-12,Bánh pía,Tân Huê Viên,,4,Thực phẩm,Tỉnh,2024-02-01,,92,,,")
        importCsv(first)

        expect:
        with(importCsv(first).body) {
            created == 0
            updated == 0
            unchanged == 2
        }
        Infra.count(tx, 'SELECT COUNT(*) FROM ocop_certificates WHERE number LIKE ?', ["$prefix-1%".toString()]) == 2

        when: 'the province raises Tôm khô to 4 stars and revokes Bánh pía'
        def second = importCsv(rows("$prefix-11,Tôm khô,HTX Tôm,,4,Thực phẩm,Tỉnh,2024-02-01,,92,,,",
                "$prefix-12,Bánh pía,Tân Huê Viên,,4,Thực phẩm,Tỉnh,2024-02-01,,92,,,Thu hồi"))

        then:
        second.body.results*.outcome == ['UPDATED', 'UPDATED']
        Infra.rows(tx, 'SELECT number, stars, status FROM ocop_certificates WHERE number LIKE ? ORDER BY number',
                ["$prefix-1%".toString()]) == [[number: "$prefix-11".toString(), stars: 4, status: 'VALID'],
                                               [number: "$prefix-12".toString(), stars: 4, status: 'REVOKED']]
    }

    def "a dry run reports without changing anything; an upload from a form works like a CSV body"() {
        given:
        def csv = rows("$prefix-21,Mắm cá linh,HTX Mắm,,3,Thực phẩm,Tỉnh,2024-02-01,,92,,,")

        expect:
        importCsv(csv, officer, true).body.with { dryRun && created == 1 && importId == null }
        Infra.count(tx, 'SELECT COUNT(*) FROM ocop_certificates WHERE number = ?', ["$prefix-21".toString()]) == 0

        when:
        def upload = call(HttpRequest.POST('/api/v1/ocop/certificates/imports', MultipartBody.builder()
                .addPart('file', 'danh-sach-ocop.csv', MediaType.of('text/csv'), csv.getBytes(StandardCharsets.UTF_8)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(officer))

        then:
        upload.status().code == 200
        body(upload).created == 1
    }

    def "#problem: the whole file is refused with 400 #code and nothing changes"() {
        when:
        def before = Infra.count(tx, 'SELECT COUNT(*) FROM ocop_certificates', [])
        def report = importCsv(file(prefix), officer, false, charset, bom)

        then:
        report.status == 400
        report.body.code == code
        Infra.count(tx, 'SELECT COUNT(*) FROM ocop_certificates', []) == before

        where:
        problem                      | charset                          | bom   | code                  | file
        'a file saved as UTF-16'     | StandardCharsets.UTF_16LE        | true  | 'csv_not_utf8'        | { p -> "$HEADER\n$p-31,Cá khô,HTX,,3,Thực phẩm,Tỉnh,2024-01-01,,92,,," }
        'a file in Windows-1258'     | Charset.forName('windows-1258')  | false | 'csv_not_utf8'        | { p -> "$HEADER\n$p-32,Cá khô,HTX,,3,Thực phẩm,Tỉnh,2024-01-01,,92,,," }
        'a header without Số sao'    | StandardCharsets.UTF_8           | false | 'csv_missing_columns' | { p -> "Số chứng nhận,Tên sản phẩm,Chủ thể\n$p-33,Cá khô,HTX" }
        'a file with only a BOM'     | StandardCharsets.UTF_8           | true  | 'csv_empty'           | { p -> '' }
    }

    def "an officer imports only their own province's certificates; others are row errors"() {
        when:
        def report = importCsv(rows("$prefix-41,Cà phê,HTX,,3,Đồ uống,Tỉnh,2024-01-01,,01,00004,,"))

        then:
        report.body.errors == 1
        report.body.results[0].errors[0].field == 'province_code'

        and: 'buyers and sellers cannot import at all'
        importCsv(rows("$prefix-42,Cà phê,HTX,,3,Đồ uống,Tỉnh,2024-01-01,,92,,,"), TestIdentity.seller(Ids.newId())).status == 403
    }

    def "anyone reads the registry; a certificate past its expiry shows as expired"() {
        given:
        importCsv(rows("$prefix-51,Tôm khô Vĩnh Châu,HTX Tôm,,3,Thực phẩm,Tỉnh,2020-01-01,,92,,950,",
                "$prefix-52,Gạo ST24,HTX Gạo,,4,Thực phẩm,Tỉnh,2025-01-01,,92,,,"))

        when:
        def page = body(call(HttpRequest.GET("/api/v1/ocop/certificates?province=92&limit=500&cursor=$prefix-50")))

        then:
        page.items.findAll { it.number.startsWith(prefix) }*.state == ['EXPIRED', 'VALID']
        page.items.find { it.number == "$prefix-52" }.expiresOn == '2028-01-01'
        call(HttpRequest.GET('/api/v1/ocop/certificates/template.csv')).status().code == 200
    }
}
