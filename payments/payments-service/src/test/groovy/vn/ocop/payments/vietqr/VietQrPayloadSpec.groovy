package vn.ocop.payments.vietqr

import com.google.zxing.BarcodeFormat
import com.google.zxing.BinaryBitmap
import com.google.zxing.DecodeHintType
import com.google.zxing.client.j2se.BufferedImageLuminanceSource
import com.google.zxing.common.HybridBinarizer
import com.google.zxing.qrcode.QRCodeReader
import javax.imageio.ImageIO
import spock.lang.Specification

/** The VietQR payload (DOMAIN.md section 4), its CRC, the purpose's ASCII folding, and the PNG that carries it. */
class VietQrPayloadSpec extends Specification {

    def "CRC-16/CCITT-FALSE of \"123456789\" is the published check value 29B1"() {
        expect:
        VietQrPayload.crc('123456789') == '29B1'
    }

    def "the CRC is 4 upper-case hex digits, zero-padded: #text"() {
        expect:
        VietQrPayload.crc(text) ==~ /[0-9A-F]{4}/
        VietQrPayload.crc(text) == crc

        where:
        text | crc
        ''   | 'FFFF'
        'A'  | 'B915'
    }

    def "the builder reproduces DOMAIN.md's dynamic worked example byte for byte"() {
        expect:
        VietQrPayload.of('970415', '0011001932418', 120_000L, 'ung ho lu lut') ==
                '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C'
    }

    def "the builder reproduces DOMAIN.md's static worked example byte for byte"() {
        expect:
        VietQrPayload.of('970423', '0099999999', null, null) ==
                '00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4'
    }

    def "the CRC field covers everything before it including the literal 6304"() {
        given:
        def payload = VietQrPayload.of('970415', '0011001932418', 690_000L, 'OCOP 7Q4M2X9PK3L8D2HC')

        expect:
        payload.endsWith('6304' + payload[-4..-1])
        VietQrPayload.crc(payload[0..-5]) == payload[-4..-1]
        payload.contains('5406690000')
        payload.contains('62250821OCOP 7Q4M2X9PK3L8D2HC')
    }

    def "Vietnamese purpose text is folded to ASCII letters: #purpose"() {
        expect:
        VietQrPayload.ascii(purpose) == ascii
        VietQrPayload.of('970415', '0011001932418', 120_000L, purpose) ==
                VietQrPayload.of('970415', '0011001932418', 120_000L, ascii)

        where:
        purpose                    | ascii
        'ủng hộ lũ lụt'            | 'ung ho lu lut'
        'Đặc sản Sóc Trăng'        | 'Dac san Soc Trang'
        'Gạo ST25 đường Ưu'        | 'Gao ST25 duong Uu'
        ' Mắm ruốc '               | 'Mam ruoc'
        'OCOP 7Q4M2X9PK3L8D2HC'    | 'OCOP 7Q4M2X9PK3L8D2HC'
    }

    def "a purpose #problem is refused rather than sent as garbage"() {
        when:
        VietQrPayload.of('970415', '0011001932418', 120_000L, purpose)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(message)

        where:
        problem                          | purpose                          || message
        'with Chinese characters'        | 'ST25 大米'                       || 'no ASCII form'
        'with an emoji'                  | 'gạo ngon 🍚'                    || 'no ASCII form'
        'with a line break'              | 'ung ho\nlu lut'                 || 'no ASCII form'
        'longer than 25 characters'      | 'Đặc sản gạo ST25 Sóc Trăng 2026' || 'longer than 25'
    }

    def "a purpose of exactly 25 characters is kept whole"() {
        expect:
        VietQrPayload.of('970415', '0011001932418', 1L, 'A' * 25).contains('62290825' + 'A' * 25)
    }

    def "the builder refuses #problem"() {
        when:
        VietQrPayload.of(bin, account, amount, null)

        then:
        thrown(IllegalArgumentException)

        where:
        problem                  | bin       | account           | amount
        'a 5-digit BIN'          | '97041'   | '0011001932418'   | 1L
        'a BIN with letters'     | '97041A'  | '0011001932418'   | 1L
        'an empty account'       | '970415'  | ''                | 1L
        'an account with spaces' | '970415'  | '0011 0019'       | 1L
        'a 20-character account' | '970415'  | '1' * 20          | 1L
        'a zero amount'          | '970415'  | '0011001932418'   | 0L
        'a negative amount'      | '970415'  | '0011001932418'   | -5L
    }

    def "the PNG decodes with ZXing's reader back to the exact payload"() {
        given:
        def payload = VietQrPayload.of('970415', '0011001932418', 1_234_567L, References.purpose('7Q4M2X9PK3L8D2HC'))

        when:
        def png = QrPng.of(payload)

        then:
        png[0..7] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] as byte[]
        decode(png) == payload
    }

    def "references are found in descriptions as banks rewrite them: #description"() {
        expect:
        References.candidates(description) == found

        where:
        description                                          || found
        'OCOP 7Q4M2X9PK3L8D2HC'                              || ['7Q4M2X9PK3L8D2HC']
        'ocop 7q4m2x9pk3l8d2hc'                              || ['7Q4M2X9PK3L8D2HC']
        'MBVCB.1234.OCOP7Q4M2X9PK3L8D2HC.CT tu 0123 NGUYEN'  || ['7Q4M2X9PK3L8D2HC']
        'NGUYEN VAN AN chuyen tien OCOP-7Q4M-2X9P-K3L8-D2HC' || ['7Q4M2X9PK3L8D2HC']
        'Thanh toán đơn OCOP 7Q4M2X9PK3L8D2HC nhé'           || ['7Q4M2X9PK3L8D2HC']
        'OCOP 7Q4M2X9PK3L8'                                  || []
        'chuyen tien an trua'                                || []
        ''                                                   || []
    }

    static String decode(byte[] png) {
        def image = ImageIO.read(new ByteArrayInputStream(png))
        def bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))
        new QRCodeReader().decode(bitmap, [(DecodeHintType.POSSIBLE_FORMATS): [BarcodeFormat.QR_CODE]]).text
    }
}
