package io.fahuo.printing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import io.fahuo.printing.domain.PickList;
import io.fahuo.shared.print.CjkFont;
import io.fahuo.shared.print.TextFit;

/** A pick list on A4 paper: a table per warehouse (bin, SKU, name, quantity, parcels), then the parcels to check. */
public final class PickListPdf {

    private static final float PT_PER_MM = 72f / 25.4f;
    private static final float MARGIN = 15;
    private static final float ROW = 6.5f;
    private static final float TEXT = 3.4f;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private PickListPdf() {
    }

    public static byte[] render(PickList list) {
        try (PDDocument doc = new PDDocument()) {
            Writer w = new Writer(doc, PDType0Font.load(doc, CjkFont.current(), true));
            for (PickList.Section section : list.sections()) {
                w.newPage();
                w.text("拣货单", MARGIN, 7, 6.5f);
                w.y += 9;
                w.text(section.warehouse() + "   " + section.parcels().size() + " 个包裹   共 " + section.totalQuantity() + " 件   "
                        + WHEN.format(list.generatedAt()), MARGIN, w.y, TEXT);
                w.y += 8;
                float[] pick = {MARGIN, MARGIN + 26, MARGIN + 78, MARGIN + 150, MARGIN + 166};
                String[] pickHead = {"库位", "SKU", "品名", "数量", "包裹数"};
                w.header(pick, pickHead);
                for (PickList.Line line : section.lines()) {
                    w.row(pick, pickHead, line.bin() == null ? "(未设库位)" : line.bin(), line.sku(), line.name(),
                            String.valueOf(line.quantity()), String.valueOf(line.parcels()));
                }
                w.y += 8;
                w.ensureRoom(2 * ROW);
                w.text("按包裹核对", MARGIN, w.y, 4.2f);
                w.y += 7;
                float[] check = {MARGIN, MARGIN + 42, MARGIN + 90};
                String[] checkHead = {"运单号", "订单号", "内件"};
                w.header(check, checkHead);
                for (PickList.Parcel p : section.parcels()) {
                    w.row(check, checkHead, p.trackingNumber() == null ? "(未取号)" : p.trackingNumber(), p.orderNumber(),
                            p.items().stream().map(i -> i.sku() + "×" + i.quantity()).collect(Collectors.joining("  ")));
                }
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("pick list rendering failed", e);
        }
    }

    /** Writes top-down in millimetres, starting a new page (with the table header again) when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private final float width = PDRectangle.A4.getWidth() / PT_PER_MM;
        private final float height = PDRectangle.A4.getHeight() / PT_PER_MM;
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument doc, PDType0Font font) {
            this.doc = doc;
            this.font = font;
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = MARGIN;
        }

        void header(float[] columns, String[] headings) throws IOException {
            ensureRoom(2 * ROW);
            cells(columns, headings);
            rule(1f);
        }

        void row(float[] columns, String[] headings, String... cells) throws IOException {
            if (y + ROW > height - MARGIN) {
                newPage();
                header(columns, headings);
            }
            cells(columns, cells);
            rule(0.3f);
        }

        void ensureRoom(float mm) throws IOException {
            if (y + mm > height - MARGIN) {
                newPage();
            }
        }

        private void cells(float[] columns, String[] cells) throws IOException {
            for (int i = 0; i < cells.length; i++) {
                float right = i + 1 < columns.length ? columns[i + 1] - 2 : width - MARGIN;
                String fitted = TextFit.ellipsize(CjkFont.printable(cells[i]), right - columns[i], s -> CjkFont.widthEm(s) * TEXT);
                text(fitted, columns[i], y + 1.5f, TEXT);
            }
            y += ROW;
        }

        private void rule(float thickness) throws IOException {
            cs.setLineWidth(thickness);
            cs.moveTo(MARGIN * PT_PER_MM, (height - y + 0.5f) * PT_PER_MM);
            cs.lineTo((width - MARGIN) * PT_PER_MM, (height - y + 0.5f) * PT_PER_MM);
            cs.stroke();
        }

        void text(String s, float x, float top, float size) throws IOException {
            String printable = CjkFont.printable(s);
            if (printable.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(font, size * PT_PER_MM);
            cs.newLineAtOffset(x * PT_PER_MM, (height - top - 0.86f * size) * PT_PER_MM);
            cs.showText(printable);
            cs.endText();
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }
    }
}
