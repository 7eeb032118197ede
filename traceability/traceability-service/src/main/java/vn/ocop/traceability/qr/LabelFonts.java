package vn.ocop.traceability.qr;

import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The TrueType fonts of label sheets, DejaVu Sans Condensed regular and bold (Bitstream Vera licence, embedding
 * allowed; see {@code labels/DejaVu-LICENSE.txt}): full Vietnamese coverage. Read from the classpath once; each
 * document embeds the subset of glyphs it uses.
 */
@Singleton
final class LabelFonts {

    private final byte[] regular;
    private final byte[] bold;

    LabelFonts() {
        this.regular = read("labels/DejaVuSansCondensed.ttf");
        this.bold = read("labels/DejaVuSansCondensed-Bold.ttf");
    }

    PDType0Font regular(PDDocument document) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(regular), true);
    }

    PDType0Font bold(PDDocument document) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(bold), true);
    }

    private static byte[] read(String resource) {
        try (InputStream in = LabelFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }
}
