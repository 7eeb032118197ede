package vn.ocop.traceability.qr

import com.google.zxing.BarcodeFormat
import com.google.zxing.EncodeHintType
import com.google.zxing.client.j2se.MatrixToImageWriter
import com.google.zxing.qrcode.QRCodeWriter
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel
import java.awt.image.BufferedImage
import javax.imageio.ImageIO
import spock.lang.Specification

/** QR images drawn without ZXing's image writer: the same pixels, in a PNG any reader reads. */
class QrImagesSpec extends Specification {

    static final String SERIAL_URI = 'https://truyxuat.ocop.vn/01/08931234567897/10/ST25-2611%2FA/21/7K3QX9M2ABCD'

    def images = new QrImages()

    def "the PNG of #content.length() characters at #size pixels has exactly the pixels ZXing's writers draw"() {
        when:
        def png = images.png(content, size)
        def image = ImageIO.read(new ByteArrayInputStream(png))
        def expected = MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size,
                [(EncodeHintType.ERROR_CORRECTION): ErrorCorrectionLevel.M, (EncodeHintType.MARGIN): QrImages.QUIET_ZONE]))

        then: 'a 1-bit greyscale PNG of the size asked'
        png[0..7] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]*.byteValue()
        [image.width, image.height] == [expected.width, expected.height]
        image.colorModel.pixelSize == 1

        and:
        pixels(image) == pixels(expected)

        and: 'it scans, when its modules are more than a pixel wide'
        !scans || QrCodeSpec.decode(image) == content

        where:
        content                         | size || scans
        SERIAL_URI                      | 512  || true
        SERIAL_URI                      | 128  || true
        SERIAL_URI                      | 1024 || true
        SERIAL_URI                      | 333  || true
        'http://127.0.0.1:8085/t/L1'    | 129  || true
        'http://127.0.0.1:8085/t/L1'    | 1000 || true
        'x' * 1200                      | 128  || false
    }

    def "a code with more modules than pixels asked is drawn one pixel per module, as ZXing does"() {
        given:
        def content = 'x' * 1200
        def modules = images.modules(content).width

        expect:
        modules > 128
        ImageIO.read(new ByteArrayInputStream(images.png(content, 128))).width == modules
    }

    def "content too long for a QR code is refused"() {
        when:
        images.png('x' * 5000, 512)

        then:
        thrown(IllegalArgumentException)
    }

    private static List<Boolean> pixels(BufferedImage image) {
        def dark = []
        for (int y = 0; y < image.height; y++) {
            for (int x = 0; x < image.width; x++) {
                dark << ((image.getRGB(x, y) & 0xFFFFFF) == 0)
            }
        }
        dark
    }
}
