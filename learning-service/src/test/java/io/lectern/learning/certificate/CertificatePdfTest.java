package io.lectern.learning.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CertificatePdfTest {

    static final String URL = "https://lectern.example/api/v1/certificates/verify/8b1f7c1e-3a43-4bd3-9d55-0c0e8f7a1b2c";

    static byte[] pdf(String name) {
        return CertificatePdf.render(new CertificatePdf.Content(
                name, "Postgres internals", Level.RETAINED, LocalDate.of(2026, 11, 30), URL, "header.payload.sig"));
    }

    @Test
    void pdfShowsHolderSeriesLevelDateAndTheVerifyUrlAsTextLinkAndMetadata() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf("Ada Lovelace"))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Ada Lovelace", "Postgres internals", "Certificate of Retained", "30 November 2026", URL);
            PDAnnotationLink link =
                    (PDAnnotationLink) doc.getPage(0).getAnnotations().getFirst();
            assertThat(((PDActionURI) link.getAction()).getURI()).isEqualTo(URL);
            assertThat(doc.getDocumentInformation().getCustomMetadataValue(CertificatePdf.CREDENTIAL_KEY))
                    .isEqualTo("header.payload.sig");
        }
    }

    @Test
    void qrCodeDrawnOnThePageDecodesToTheVerifyUrl() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf("Ada Lovelace"))) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            var bitmap = new BinaryBitmap(
                    new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));

            assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(URL);
        }
    }

    @Test
    void namesOutsideTheStandardFontsPrintWithPlaceholdersInsteadOfFailing() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf("Zoë 李"))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Zoë ?");
        }
    }
}
