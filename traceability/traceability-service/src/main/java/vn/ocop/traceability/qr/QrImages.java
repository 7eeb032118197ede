package vn.ocop.traceability.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders QR codes as PNG and SVG: error correction level M (about 15% of the code may be damaged), a quiet zone of
 * {@value #QUIET_ZONE} modules.
 */
@Singleton
final class QrImages {

    static final int QUIET_ZONE = 2;

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, QUIET_ZONE);
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /** A {@code size} x {@code size} PNG of a QR code holding {@code content}. */
    byte[] png(String content, int size) {
        BitMatrix matrix = encode(content, size);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the QR code as PNG", e);
        }
        return out.toByteArray();
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
        return encode(content, 0);
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

    private static BitMatrix encode(String content, int size) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + content.length() + " characters in a QR code", e);
        }
    }
}
