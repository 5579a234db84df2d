package io.fahuo.shipments.label;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import io.fahuo.shipments.domain.LabelData;
import io.fahuo.shipments.domain.LabelSize;

/**
 * Renders labels as PDF, one page per label, laid out after GB/T 41833-2022: carrier, 大头笔 and sorting
 * code, the Code128 barcode with its number, 集包地, receiver, sender, contents, QR code, order number and
 * print time. Bars are drawn as vector rectangles so they stay sharp at any printer resolution.
 */
public class PdfLabelRenderer {

    private static final float PT_PER_MM = 72f / 25.4f;
    private static final DateTimeFormatter PRINT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    public byte[] render(List<LabelData> labels, LabelSize size) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, LabelFont.current(), true);
            for (LabelData label : labels) {
                PDPage page = new PDPage(new PDRectangle(size.widthMm() * PT_PER_MM, size.heightMm() * PT_PER_MM));
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    new Page(cs, font, size).draw(label);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("label rendering failed", e);
        }
    }

    /** One label page; positions in millimetres from the top-left corner. */
    private static final class Page {
        private final PDPageContentStream cs;
        private final PDType0Font font;
        private final float w;
        private final float h;
        private final float margin = 2.5f;

        Page(PDPageContentStream cs, PDType0Font font, LabelSize size) {
            this.cs = cs;
            this.font = font;
            this.w = size.widthMm();
            this.h = size.heightMm();
        }

        void draw(LabelData l) throws IOException {
            // taller stock gives the extra room to the receiver and contents regions
            float extra = (h - 130f) / 2f;
            float y = margin;

            text(l.carrierName(), margin, y + 5, 12f);
            textRight(PRINT_TIME.format(l.printedAt()), w - margin, y + 4, 6.5f);
            y += 8;
            hline(y);

            float destHeight = 13;
            fitText(nonNull(l.markDestination(), "—"), margin, y + 9.5f, 22f, w - 2 * margin);
            y += destHeight;
            if (l.sortingCode() != null && !l.sortingCode().isBlank()) {
                text(l.sortingCode(), margin, y + 4, 10f);
                y += 6;
            }
            hline(y);

            float barHeight = 16;
            y += 2;
            code128(l.trackingNumber(), margin + 4, y, w - 2 * margin - 8, barHeight);
            y += barHeight + 1;
            textCentered(spaced(l.trackingNumber()), w / 2, y + 3.5f, 10f);
            y += 6;
            hline(y);

            text("集包地 " + nonNull(l.packageCenter(), "—"), margin, y + 4.5f, 9f);
            y += 7;
            hline(y);

            float receiverTop = y;
            text("收", margin, y + 5, 12f);
            text(l.receiverName() + "  " + l.receiverPhone(), margin + 7, y + 4.5f, 10f);
            List<String> addr = wrap(l.receiverAddress(), 9f, w - 2 * margin - 7);
            float ay = y + 9;
            for (String line : addr.subList(0, Math.min(addr.size(), 3))) {
                text(line, margin + 7, ay, 9f);
                ay += 4;
            }
            y = Math.max(ay, receiverTop + 17) + extra * 0.4f;
            hline(y);

            text("寄", margin, y + 4.5f, 10f);
            text(l.senderName() + "  " + l.senderPhone(), margin + 7, y + 3.8f, 7.5f);
            List<String> saddr = wrap(l.senderAddress(), 7f, w - 2 * margin - 7);
            if (!saddr.isEmpty()) {
                text(saddr.get(0), margin + 7, y + 7.5f, 7f);
            }
            y += 10;
            hline(y);

            List<String> contents = wrap("内件: " + String.join(", ", l.contents()), 7.5f, w - 2 * margin);
            float cy = y + 3.8f;
            int maxLines = 2 + (int) (extra / 6);
            for (int i = 0; i < Math.min(contents.size(), maxLines); i++) {
                String line = contents.get(i);
                if (i == maxLines - 1 && contents.size() > maxLines) {
                    line = ellipsize(line, 7.5f, w - 2 * margin);
                }
                text(line, margin, cy, 7.5f);
                cy += 3.5f;
            }
            y = Math.max(cy, y + 9) + extra * 0.6f;
            hline(y);

            float qr = Math.min(20, h - y - margin);
            if (qr > 8) {
                qr(l.qrContent(), margin, y + 1, qr);
            }
            text("订单号", margin + qr + 2, y + 4, 7f);
            text(nonNull(l.orderNumber(), ""), margin + qr + 2, y + 8, 7.5f);
            text("签收:", margin + qr + 2, y + 14, 8f);
        }

        private void code128(String content, float x, float top, float maxWidth, float height) throws IOException {
            BitMatrix bars = new Code128Writer().encode(content, BarcodeFormat.CODE_128, 0, 1, Map.of(EncodeHintType.MARGIN, 0));
            float module = Math.min(maxWidth / bars.getWidth(), 0.6f);
            float start = x + (maxWidth - module * bars.getWidth()) / 2;
            int run = -1;
            for (int i = 0; i <= bars.getWidth(); i++) {
                boolean dark = i < bars.getWidth() && bars.get(i, 0);
                if (dark && run < 0) {
                    run = i;
                } else if (!dark && run >= 0) {
                    rect(start + run * module, top, (i - run) * module, height);
                    run = -1;
                }
            }
            cs.fill();
        }

        private void qr(String content, float x, float top, float size) throws IOException {
            BitMatrix m;
            try {
                m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                                EncodeHintType.CHARACTER_SET, "UTF-8"));
            } catch (WriterException e) {
                throw new IllegalArgumentException("cannot encode QR content", e);
            }
            float module = size / m.getWidth();
            for (int row = 0; row < m.getHeight(); row++) {
                for (int col = 0; col < m.getWidth(); col++) {
                    if (m.get(col, row)) {
                        rect(x + col * module, top + row * module, module, module);
                    }
                }
            }
            cs.fill();
        }

        private void rect(float x, float top, float width, float height) throws IOException {
            cs.addRect(x * PT_PER_MM, (h - top - height) * PT_PER_MM, width * PT_PER_MM, height * PT_PER_MM);
        }

        private void hline(float y) throws IOException {
            cs.setLineWidth(0.6f);
            cs.moveTo(0, (h - y) * PT_PER_MM);
            cs.lineTo(w * PT_PER_MM, (h - y) * PT_PER_MM);
            cs.stroke();
        }

        private void text(String s, float x, float baseline, float sizePt) throws IOException {
            String printable = LabelFont.printable(s);
            if (printable.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(font, sizePt);
            cs.newLineAtOffset(x * PT_PER_MM, (h - baseline) * PT_PER_MM);
            cs.showText(printable);
            cs.endText();
        }

        private void fitText(String s, float x, float baseline, float sizePt, float maxWidthMm) throws IOException {
            float size = sizePt;
            while (size > 8 && widthMm(s, size) > maxWidthMm) {
                size -= 1;
            }
            text(ellipsize(s, size, maxWidthMm), x, baseline, size);
        }

        private void textRight(String s, float right, float baseline, float sizePt) throws IOException {
            text(s, right - widthMm(s, sizePt), baseline, sizePt);
        }

        private void textCentered(String s, float center, float baseline, float sizePt) throws IOException {
            text(s, center - widthMm(s, sizePt) / 2, baseline, sizePt);
        }

        private float widthMm(String s, float sizePt) throws IOException {
            return font.getStringWidth(LabelFont.printable(s)) / 1000f * sizePt / PT_PER_MM;
        }

        /** Breaks text into lines that fit, at any character (Chinese has no spaces to break at). */
        private List<String> wrap(String s, float sizePt, float maxWidthMm) throws IOException {
            List<String> lines = new ArrayList<>();
            String text = LabelFont.printable(s);
            StringBuilder line = new StringBuilder();
            int[] cps = text.codePoints().toArray();
            for (int cp : cps) {
                line.appendCodePoint(cp);
                if (widthMm(line.toString(), sizePt) > maxWidthMm) {
                    line.setLength(line.length() - Character.charCount(cp));
                    lines.add(line.toString());
                    line.setLength(0);
                    line.appendCodePoint(cp);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private String ellipsize(String s, float sizePt, float maxWidthMm) throws IOException {
            String text = LabelFont.printable(s);
            if (widthMm(text, sizePt) <= maxWidthMm) {
                return text;
            }
            while (!text.isEmpty() && widthMm(text + "…", sizePt) > maxWidthMm) {
                text = text.substring(0, text.offsetByCodePoints(text.length(), -1));
            }
            return text + "…";
        }

        private static String spaced(String number) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < number.length(); i++) {
                if (i > 0 && i % 4 == 0) {
                    out.append(' ');
                }
                out.append(number.charAt(i));
            }
            return out.toString();
        }

        private static String nonNull(String s, String fallback) {
            return s == null || s.isBlank() ? fallback : s;
        }
    }
}
