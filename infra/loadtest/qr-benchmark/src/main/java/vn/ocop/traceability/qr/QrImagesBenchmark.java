package vn.ocop.traceability.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the traceability service takes to draw one QR code, as {@code GET /api/v1/lots/{code}/qr.png} and
 * {@code qr.svg} do it: sampled one call at a time (JMH's SampleTime mode gives the percentiles), each call a different
 * unit's GS1 Digital Link, like a label printer asking for the codes of a lot's bags one after the other.
 * {@code pngImageIo} is the way QrImages drew PNGs before (ZXing's scaled matrix, {@code MatrixToImageWriter}, ImageIO's
 * PNG writer), for comparison.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-Djava.awt.headless=true"})
@State(Scope.Thread)
public class QrImagesBenchmark {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, QrImages.QUIET_ZONE);

    /** Pixels per side: the endpoints' default and their largest. */
    @Param({"512", "1024"})
    int size;

    private final QrImages images = new QrImages();
    private String[] uris;
    private int next;

    @Setup
    public void uris() {
        SecureRandom random = new SecureRandom();
        uris = new String[1024];
        for (int i = 0; i < uris.length; i++) {
            StringBuilder serial = new StringBuilder();
            for (int c = 0; c < 12; c++) {
                serial.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            uris[i] = "https://truyxuat.ocop.vn/01/08931234567897/10/ST25-2611%2FA/21/" + serial;
        }
    }

    @Benchmark
    public byte[] png() {
        return images.png(uris[next++ & 1023], size);
    }

    @Benchmark
    public byte[] pngImageIo() throws WriterException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(
                new QRCodeWriter().encode(uris[next++ & 1023], BarcodeFormat.QR_CODE, size, size, HINTS), "PNG", out);
        return out.toByteArray();
    }

    @Benchmark
    public byte[] svg() {
        return images.svg(uris[next++ & 1023], size);
    }
}
