package io.fahuo.shipments.label;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.encoder.ByteMatrix;

import io.fahuo.shared.print.CjkFont;
import io.fahuo.shipments.LabelRenderer;
import io.fahuo.shipments.domain.LabelData;
import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.shipments.domain.LabelSpec;

/**
 * Labels as PDF, one page per label, with the bundled CJK font embedded (subset). Bars and QR modules are
 * vector rectangles on the 8 dots/mm grid of a 203 dpi printer, so they stay sharp when a browser prints the page on
 * a thermal printer.
 */
@Component
public class PdfLabelRenderer implements LabelRenderer {

    static final float PT_PER_MM = 72f / 25.4f;
    /** Characters sit in their em box; the baseline is this far down from the box's top. */
    private static final double BASELINE = 0.86;
    static final LabelLayout.Device DEVICE = new LabelLayout.Device(new TextMetrics() {
        @Override
        public String printable(String text) {
            return CjkFont.printable(text);
        }

        @Override
        public double widthMm(String printable, double sizeMm) {
            return CjkFont.widthEm(printable) * sizeMm;
        }

        @Override
        public double actualSize(double requestedMm) {
            return requestedMm;
        }
    }, 1.0 / 8);

    @Override
    public LabelFormat format() {
        return LabelFormat.PDF;
    }

    @Override
    public byte[] render(List<LabelData> labels, LabelSpec spec) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, CjkFont.current(), true);
            float w = spec.size().widthMm();
            float h = spec.size().heightMm();
            for (LabelData label : labels) {
                PDPage page = new PDPage(new PDRectangle(w * PT_PER_MM, h * PT_PER_MM));
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    draw(cs, font, h, LabelLayout.of(label, spec.size(), DEVICE));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("label rendering failed", e);
        }
    }

    /** Text first, then every dark rectangle as one path filled once (a path may not contain text objects). */
    private static void draw(PDPageContentStream cs, PDType0Font font, float pageHeight, LabelLayout.Layout layout) throws IOException {
        for (LabelLayout.Text t : layout.texts()) {
            cs.beginText();
            cs.setFont(font, (float) (t.size() * PT_PER_MM));
            cs.newLineAtOffset(pt(t.x()), pt(pageHeight - t.top() - BASELINE * t.size()));
            cs.showText(t.text());
            cs.endText();
        }
        for (LabelLayout.Element e : layout.elements()) {
            if (e instanceof LabelLayout.Box b) {
                rect(cs, pageHeight, b.x(), b.top(), b.width(), b.height());
            } else if (e instanceof LabelLayout.Barcode b) {
                BitMatrix bars = LabelLayout.code128Bars(b.content());
                int run = -1;
                for (int i = 0; i <= bars.getWidth(); i++) {
                    boolean dark = i < bars.getWidth() && bars.get(i, 0);
                    if (dark && run < 0) {
                        run = i;
                    } else if (!dark && run >= 0) {
                        rect(cs, pageHeight, b.x() + run * b.moduleMm(), b.top(), (i - run) * b.moduleMm(), b.height());
                        run = -1;
                    }
                }
            } else if (e instanceof LabelLayout.Qr q) {
                ByteMatrix m = LabelLayout.qrMatrix(q.content());
                for (int row = 0; row < m.getHeight(); row++) {
                    for (int col = 0; col < m.getWidth(); col++) {
                        if (m.get(col, row) == 1) {
                            rect(cs, pageHeight, q.x() + col * q.moduleMm(), q.top() + row * q.moduleMm(), q.moduleMm(), q.moduleMm());
                        }
                    }
                }
            }
        }
        cs.fill();
    }

    private static void rect(PDPageContentStream cs, float pageHeight, double x, double top, double width, double height) throws IOException {
        cs.addRect(pt(x), pt(pageHeight - top - height), pt(width), pt(height));
    }

    private static float pt(double mm) {
        return (float) (mm * PT_PER_MM);
    }
}
