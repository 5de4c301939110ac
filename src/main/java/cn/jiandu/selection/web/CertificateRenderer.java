package cn.jiandu.selection.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The 授证 certificate as an A4 PDF (PDFBox; Chinese set in Noto Sans SC, a TrueType-outline OFL font shipped in
 * {@code fonts/}, embedded as a subset) and the QR code (ZXing) as vector squares, in the PDF and as SVG for the page.
 */
@Component
class CertificateRenderer {

    /** What the certificate says. */
    record Sheet(String title, String name, String type, String unit, String term, String number, String issuer,
            String date, String verifyUrl, String footer) {
    }

    static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR for " + text.length() + " characters", e);
        }
    }

    /** The QR as an SVG element (one path, no script). */
    static String svg(String text, int sizePx) {
        BitMatrix m = qr(text);
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    d.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + sizePx + "\" height=\"" + sizePx
                + "\" viewBox=\"-2 -2 " + (m.getWidth() + 4) + " " + (m.getHeight() + 4)
                + "\" shape-rendering=\"crispEdges\" role=\"img\"><rect x=\"-2\" y=\"-2\" width=\"" + (m.getWidth() + 4)
                + "\" height=\"" + (m.getHeight() + 4) + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + d + "\"/></svg>";
    }

    byte[] pdf(List<Sheet> sheets) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font;
            try (InputStream in = getClass().getResourceAsStream("/fonts/NotoSansSC-Regular.ttf")) {
                if (in == null) {
                    throw new IllegalStateException("fonts/NotoSansSC-Regular.ttf missing");
                }
                font = PDType0Font.load(doc, in, true);
            }
            for (Sheet s : sheets) {
                page(doc, font, s);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(PDDocument doc, PDType0Font font, Sheet s) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        float w = PDRectangle.A4.getWidth();
        float h = PDRectangle.A4.getHeight();
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
            c.setStrokingColor(0.72f, 0.1f, 0.1f);
            c.setLineWidth(4);
            c.addRect(30, 30, w - 60, h - 60);
            c.stroke();
            c.setLineWidth(1);
            c.addRect(40, 40, w - 80, h - 80);
            c.stroke();
            c.setNonStrokingColor(0.72f, 0.1f, 0.1f);
            centered(c, font, 34, s.title(), w, h - 150);
            c.setNonStrokingColor(0f, 0f, 0f);
            float y = h - 240;
            String[][] lines = {{"姓名", s.name()}, {"类型", s.type()}, {"监督范围", s.unit()}, {"任期", s.term()},
                    {"证书编号", s.number()}, {"颁发", s.issuer()}, {"日期", s.date()}};
            for (String[] line : lines) {
                text(c, font, 16, line[0], 110, y);
                text(c, font, 16, line[1] == null ? "" : line[1], 210, y);
                y -= 36;
            }
            BitMatrix m = qr(s.verifyUrl());
            float size = 150;
            float cell = size / m.getWidth();
            float x0 = (w - size) / 2;
            float y0 = 120;
            for (int qy = 0; qy < m.getHeight(); qy++) {
                for (int qx = 0; qx < m.getWidth(); qx++) {
                    if (m.get(qx, qy)) {
                        c.addRect(x0 + qx * cell, y0 + size - (qy + 1) * cell, cell, cell);
                    }
                }
            }
            c.fill();
            centered(c, font, 10, s.footer(), w, 95);
        }
    }

    private static void text(PDPageContentStream c, PDType0Font font, float size, String text, float x, float y)
            throws IOException {
        c.beginText();
        c.setFont(font, size);
        c.newLineAtOffset(x, y);
        c.showText(text);
        c.endText();
    }

    private static void centered(PDPageContentStream c, PDType0Font font, float size, String text, float w, float y)
            throws IOException {
        float width = font.getStringWidth(text) / 1000 * size;
        text(c, font, size, text, (w - width) / 2, y);
    }
}
