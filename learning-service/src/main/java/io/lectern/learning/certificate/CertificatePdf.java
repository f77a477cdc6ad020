package io.lectern.learning.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/**
 * The printable certificate: holder, series, level, date, the verify URL as text, link and QR code
 * (drawn as filled rectangles, no image library), and the signed credential in the document
 * information. The PDF is a convenience; the credential is the proof.
 */
final class CertificatePdf {

    /** Everything the page shows. */
    record Content(
            String holderName,
            String seriesTitle,
            Level level,
            LocalDate issuedOn,
            String verifyUrl,
            String credential) {}

    static final String CREDENTIAL_KEY = "VerifiableCredential";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private CertificatePdf() {}

    static byte[] render(Content c) {
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDRectangle a4Landscape = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(a4Landscape);
            doc.addPage(page);
            float width = a4Landscape.getWidth();
            float height = a4Landscape.getHeight();
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                centered(s, bold, 30, "Certificate of " + c.level().label(), width, height - 110);
                centered(s, regular, 14, "This certifies that", width, height - 160);
                centered(s, bold, 26, printable(c.holderName()), width, height - 200);
                centered(s, regular, 14, levelSentence(c.level()), width, height - 240);
                centered(s, bold, 20, printable(c.seriesTitle()), width, height - 275);
                centered(s, regular, 12, "Issued " + DATE.format(c.issuedOn()) + " by Lectern", width, height - 310);
                qr(s, c.verifyUrl(), 60, 60, 130);
                text(s, regular, 9, "Verify at:", 205, 150);
                text(s, regular, 9, c.verifyUrl(), 205, 136);
            }
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(60, 60, 130, 130));
            PDActionURI action = new PDActionURI();
            action.setURI(c.verifyUrl());
            link.setAction(action);
            page.getAnnotations().add(link);

            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(printable(c.seriesTitle()) + " — " + c.level().label());
            info.setAuthor("Lectern");
            info.setCustomMetadataValue(CREDENTIAL_KEY, c.credential());
            info.setCustomMetadataValue("VerifyURL", c.verifyUrl());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render a certificate PDF", e);
        }
    }

    private static String levelSentence(Level level) {
        return switch (level) {
            case COMPLETED -> "has completed the series and passed its final quiz";
            case RETAINED -> "has completed and, at least 14 days later, still knows the series";
        };
    }

    private static void centered(PDPageContentStream s, PDType1Font font, float size, String text, float width, float y)
            throws IOException {
        float textWidth = font.getStringWidth(text) / 1000 * size;
        text(s, font, size, text, (width - textWidth) / 2, y);
    }

    private static void text(PDPageContentStream s, PDType1Font font, float size, String text, float x, float y)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    /** Draws the QR code's dark modules as rectangles, with the quiet zone zxing adds. */
    static void qr(PDPageContentStream s, String content, float x, float y, float size) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the verify URL does not fit a QR code", e);
        }
        float module = size / m.getWidth();
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    s.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        s.fill();
    }

    /** The standard PDF fonts cover WinAnsi only; other characters print as '?' rather than failing. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                b.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        });
        return b.toString();
    }
}
