package vn.ocop.traceability.qr;

import com.google.zxing.common.BitMatrix;
import jakarta.inject.Singleton;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Prints labels on A4 sheets of {@value #COLUMNS} x {@value #ROWS} labels of 70 x 37 mm (the common 24-up sheet), in
 * reading order: each label has its QR code drawn as vector squares on the left and, on the right, the product's name
 * (up to three lines), its OCOP stars when it has them, the lot code and the unit's serial number.
 */
@Singleton
final class LabelSheet {

    static final int COLUMNS = 3;
    static final int ROWS = 8;
    static final int PER_PAGE = COLUMNS * ROWS;
    static final float MM = 72 / 25.4f;
    static final float LABEL_WIDTH = 70 * MM;
    static final float LABEL_HEIGHT = 37 * MM;

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = (PAGE.getWidth() - COLUMNS * LABEL_WIDTH) / 2;
    private static final float TOP = (PAGE.getHeight() - ROWS * LABEL_HEIGHT) / 2;
    private static final float PADDING = 2.5f * MM;
    private static final float QR_SIDE = LABEL_HEIGHT - 2 * PADDING;
    private static final float TEXT_LEFT = PADDING + QR_SIDE + 2 * MM;
    private static final float TEXT_WIDTH = LABEL_WIDTH - TEXT_LEFT - PADDING;
    private static final float NAME_SIZE = 8.5f;
    private static final float LINE_SIZE = 7.5f;
    private static final float MIN_SIZE = 4;
    private static final int NAME_LINES = 3;
    private static final String ELLIPSIS = "…";
    private static final String STAR = "★";
    private static final Color GUIDE = new Color(0xCC, 0xCC, 0xCC);
    private static final Color GOLD = new Color(0xC8, 0x8A, 0x00);

    private final QrImages images;
    private final LabelFonts fonts;

    LabelSheet(QrImages images, LabelFonts fonts) {
        this.images = images;
        this.fonts = fonts;
    }

    /** Where label {@code index} (0-based, on its page) lies on the page, in PDF points from the bottom left. */
    static PDRectangle cell(int index) {
        int column = index % PER_PAGE % COLUMNS;
        int row = index % PER_PAGE / COLUMNS;
        return new PDRectangle(LEFT + column * LABEL_WIDTH, PAGE.getHeight() - TOP - (row + 1) * LABEL_HEIGHT,
                LABEL_WIDTH, LABEL_HEIGHT);
    }

    /** How many pages {@code labels} labels take. */
    static int pages(int labels) {
        return (labels + PER_PAGE - 1) / PER_PAGE;
    }

    /** The PDF of the labels, {@value #PER_PAGE} to a page. */
    byte[] render(List<Label> labels, String title) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("OCOP traceability");
            Fonts fonts = new Fonts(this.fonts.regular(document), this.fonts.bold(document));
            // labels repeat: each QR code is drawn once, as a form the labels that carry it place; each name wrapped once
            Map<String, PDFormXObject> codes = new HashMap<>();
            Map<String, List<String>> names = new HashMap<>();
            for (int first = 0; first < labels.size(); first += PER_PAGE) {
                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    List<Label> onPage = labels.subList(first, Math.min(first + PER_PAGE, labels.size()));
                    for (int i = 0; i < onPage.size(); i++) {
                        Label label = onPage.get(i);
                        PDFormXObject qr = codes.get(label.uri());
                        if (qr == null) {
                            qr = qrForm(document, images.modules(label.uri()));
                            codes.put(label.uri(), qr);
                        }
                        List<String> name = names.get(label.productName());
                        if (name == null) {
                            name = wrap(printable(label.productName(), fonts.bold()), fonts.bold(), NAME_SIZE);
                            names.put(label.productName(), name);
                        }
                        draw(content, cell(i), label, name, qr, fonts);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the label sheet", e);
        }
    }

    private record Fonts(PDType0Font regular, PDType0Font bold) {
    }

    private static void draw(PDPageContentStream content, PDRectangle cell, Label label, List<String> name, PDFormXObject qr,
                             Fonts fonts) throws IOException {
        // a light cutting guide
        content.setStrokingColor(GUIDE);
        content.setLineWidth(0.25f);
        content.addRect(cell.getLowerLeftX(), cell.getLowerLeftY(), cell.getWidth(), cell.getHeight());
        content.stroke();

        content.saveGraphicsState();
        float scale = QR_SIDE / qr.getBBox().getWidth();
        content.transform(new Matrix(scale, 0, 0, scale, cell.getLowerLeftX() + PADDING, cell.getLowerLeftY() + PADDING));
        content.drawForm(qr);
        content.restoreGraphicsState();

        float x = cell.getLowerLeftX() + TEXT_LEFT;
        float y = cell.getUpperRightY() - PADDING - NAME_SIZE;
        content.setNonStrokingColor(Color.BLACK);
        for (String line : name) {
            text(content, fonts.bold(), NAME_SIZE, x, y, line);
            y -= NAME_SIZE * 1.2f;
        }
        y -= 0.8f * MM;
        if (label.ocopStars() != null) {
            String prefix = "OCOP ";
            text(content, fonts.bold(), LINE_SIZE, x, y, prefix);
            content.setNonStrokingColor(GOLD);
            text(content, fonts.regular(), LINE_SIZE, x + width(fonts.bold(), prefix, LINE_SIZE), y, STAR.repeat(label.ocopStars()));
            content.setNonStrokingColor(Color.BLACK);
            y -= LINE_SIZE * 1.35f;
        }
        line(content, fonts.regular(), x, y, "Lô: " + label.lotCode());
        if (label.serial() != null) {
            y -= LINE_SIZE * 1.35f;
            line(content, fonts.regular(), x, y, "Sê-ri: " + label.serial());
        }
    }

    /**
     * The QR code as a form one unit per module, the quiet zone included: each run of dark modules in a row one filled
     * rectangle.
     */
    private static PDFormXObject qrForm(PDDocument document, BitMatrix qr) throws IOException {
        PDFormXObject form = new PDFormXObject(document);
        form.setBBox(new PDRectangle(qr.getWidth(), qr.getHeight()));
        try (PDFormContentStream content = new PDFormContentStream(form)) {
            content.setNonStrokingColor(Color.BLACK);
            drawModules(content, qr);
        }
        return form;
    }

    private static void drawModules(PDFormContentStream content, BitMatrix qr) throws IOException {
        for (int row = 0; row < qr.getHeight(); row++) {
            int y = qr.getHeight() - row - 1;
            int column = 0;
            while (column < qr.getWidth()) {
                if (!qr.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < qr.getWidth() && qr.get(column, row)) {
                    column++;
                }
                content.addRect(start, y, column - start, 1);
            }
        }
        content.fill();
    }

    /** One line of the text column, shrunk (down to {@value #MIN_SIZE} pt) to fit, cut with an ellipsis below that. */
    private static void line(PDPageContentStream content, PDType0Font font, float x, float y, String text) throws IOException {
        String printable = printable(text, font);
        float size = Math.max(MIN_SIZE, Math.min(LINE_SIZE, LINE_SIZE * TEXT_WIDTH / width(font, printable, LINE_SIZE)));
        text(content, font, size, x, y, fit(printable, font, size));
    }

    private static void text(PDPageContentStream content, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    /** The name in at most {@value #NAME_LINES} lines of the text column, the last cut with an ellipsis if need be. */
    static List<String> wrap(String text, PDType0Font font, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, candidate, size) <= TEXT_WIDTH) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // a word wider than the column is broken where it reaches the edge
            String rest = word;
            while (width(font, rest, size) > TEXT_WIDTH) {
                int cut = rest.offsetByCodePoints(0, 1);
                while (cut < rest.length() && width(font, rest.substring(0, rest.offsetByCodePoints(cut, 1)), size) <= TEXT_WIDTH) {
                    cut = rest.offsetByCodePoints(cut, 1);
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() <= NAME_LINES) {
            return lines;
        }
        List<String> shown = new ArrayList<>(lines.subList(0, NAME_LINES));
        shown.set(NAME_LINES - 1, fit(shown.get(NAME_LINES - 1) + " " + lines.get(NAME_LINES) + ELLIPSIS, font, size));
        return shown;
    }

    /** The text, or as much of it as fits the column followed by an ellipsis. */
    private static String fit(String text, PDType0Font font, float size) throws IOException {
        if (width(font, text, size) <= TEXT_WIDTH) {
            return text;
        }
        String cut = text.endsWith(ELLIPSIS) ? text.substring(0, text.length() - 1) : text;
        while (!cut.isEmpty() && width(font, cut.strip() + ELLIPSIS, size) > TEXT_WIDTH) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut.strip() + ELLIPSIS;
    }

    private static float width(PDType0Font font, String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * The text as the font can print it: composed (NFC, so that "ạ" is one glyph however the name was typed), line
     * breaks and other controls as spaces, and a character the font has no glyph for as "?".
     */
    static String printable(String text, PDType0Font font) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(codePoint -> {
            if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
                out.append(' ');
            } else if (hasGlyph(font, codePoint)) {
                out.appendCodePoint(codePoint);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean hasGlyph(PDType0Font font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
