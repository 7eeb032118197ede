package vn.ocop.traceability.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders QR codes as PNG and SVG: error correction level M (about 15% of the code may be damaged), a quiet zone of
 * {@value #QUIET_ZONE} modules.
 *
 * <p>The PNG is written straight from the modules, one bit per pixel (greyscale, bit depth 1), each module row packed
 * once and repeated with PNG's "Up" filter, so that it costs a fraction of a millisecond; the pixels are those ZXing's
 * {@code QRCodeWriter} and {@code MatrixToImageWriter} would draw (the code centred, each module an equal square of
 * whole pixels, the rest white).
 */
@Singleton
final class QrImages {

    static final int QUIET_ZONE = 2;

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, QUIET_ZONE);
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte FILTER_NONE = 0;
    private static final byte FILTER_UP = 2;

    /**
     * A {@code size} x {@code size} PNG of a QR code holding {@code content} (larger if the code has more modules than
     * {@code size} pixels, as ZXing does).
     */
    byte[] png(String content, int size) {
        BitMatrix modules = modules(content);
        int quiet = modules.getWidth();
        int code = quiet - 2 * QUIET_ZONE;
        int side = Math.max(size, quiet);
        int scale = side / quiet;
        int offset = (side - code * scale) / 2;
        int rowBytes = (side + 7) / 8;
        byte[] raw = new byte[side * (1 + rowBytes)];
        byte[] white = new byte[rowBytes];
        Arrays.fill(white, (byte) 0xFF);
        byte[] row = new byte[rowBytes];
        int at = 0;
        for (int y = 0; y < side; y++) {
            int moduleRow = y < offset || y >= offset + code * scale ? -1 : (y - offset) / scale;
            boolean repeat = y > 0 && (moduleRow == -1 ? y != offset + code * scale : (y - offset) % scale != 0);
            if (repeat) {
                // the same pixels as the row above: "Up" leaves only zeros to compress
                raw[at] = FILTER_UP;
            } else {
                raw[at] = FILTER_NONE;
                System.arraycopy(white, 0, row, 0, rowBytes);
                if (moduleRow >= 0) {
                    darken(row, modules, QUIET_ZONE + moduleRow, code, scale, offset);
                }
                System.arraycopy(row, 0, raw, at + 1, rowBytes);
            }
            at += 1 + rowBytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + side * side / 256);
        out.writeBytes(PNG_SIGNATURE);
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(side).putInt(side)
                .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", deflate(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Clears (to black) the bits of the pixels of the dark modules of one row of modules; bits are most significant first. */
    private static void darken(byte[] row, BitMatrix modules, int moduleRow, int code, int scale, int offset) {
        for (int x = 0; x < code; x++) {
            if (modules.get(QUIET_ZONE + x, moduleRow)) {
                for (int px = offset + x * scale, end = px + scale; px < end; px++) {
                    row[px >> 3] &= (byte) ~(0x80 >>> (px & 7));
                }
            }
        }
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** A PNG chunk: length, type, data, and the CRC-32 of type and data. */
    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * An SVG document of a QR code holding {@code content}, {@code size} pixels wide: a view box of one unit per module
     * (quiet zone included), a white background and one path drawing the dark modules, row by row, one rectangle per
     * run of dark modules.
     */
    byte[] svg(String content, int size) {
        BitMatrix matrix = modules(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(SVG);
            xml.writeStartElement(SVG, "svg");
            xml.writeDefaultNamespace(SVG);
            xml.writeAttribute("width", Integer.toString(size));
            xml.writeAttribute("height", Integer.toString(size));
            xml.writeAttribute("viewBox", "0 0 " + matrix.getWidth() + " " + matrix.getHeight());
            xml.writeAttribute("shape-rendering", "crispEdges");
            xml.writeStartElement(SVG, "title");
            xml.writeCharacters(content);
            xml.writeEndElement();
            xml.writeEmptyElement(SVG, "rect");
            xml.writeAttribute("width", Integer.toString(matrix.getWidth()));
            xml.writeAttribute("height", Integer.toString(matrix.getHeight()));
            xml.writeAttribute("fill", "#ffffff");
            xml.writeEmptyElement(SVG, "path");
            xml.writeAttribute("fill", "#000000");
            xml.writeAttribute("d", darkModules(matrix));
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the QR code as SVG", e);
        }
        return out.toByteArray();
    }

    /** The QR code's modules, one bit each, the quiet zone included: what vector renderings draw. */
    BitMatrix modules(String content) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + content.length() + " characters in a QR code", e);
        }
    }

    /** An SVG path of the dark modules: for each run of them in a row, {@code M x y h length v 1 h -length z}. */
    static String darkModules(BitMatrix matrix) {
        StringBuilder d = new StringBuilder(matrix.getWidth() * matrix.getHeight());
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                int length = x - start;
                d.append('M').append(start).append(' ').append(y).append('h').append(length).append("v1h-").append(length).append('z');
            }
        }
        return d.toString();
    }
}
