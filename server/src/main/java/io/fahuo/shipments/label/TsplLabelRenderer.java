package io.fahuo.shipments.label;

import java.util.List;

import org.springframework.stereotype.Component;

import io.fahuo.shipments.LabelRenderer;
import io.fahuo.shipments.domain.LabelData;
import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.shipments.domain.LabelSpec;

/**
 * Labels in TSPL for TSC, Gprinter, HPRT, Xprinter and most low-cost Chinese thermal printers: CRLF line
 * ends, text in GBK with the built-in Simplified Chinese font {@code TSS24.BF2} (24-dot cells, whole
 * multiples), one {@code CLS … PRINT 1,1} block per label. Characters GBK cannot encode are replaced; a
 * double quote becomes ” so it cannot end the string.
 */
@Component
public class TsplLabelRenderer implements LabelRenderer {

    static final String FONT = "TSS24.BF2";
    private static final String CRLF = "\r\n";

    @Override
    public LabelFormat format() {
        return LabelFormat.TSPL;
    }

    @Override
    public byte[] render(List<LabelData> labels, LabelSpec spec) {
        double dpmm = spec.dotsPerMm();
        PrinterFont font = PrinterFont.bitmap24(dpmm);
        LabelLayout.Device device = new LabelLayout.Device(font, 1 / dpmm);
        StringBuilder tspl = new StringBuilder(4096 * labels.size());
        tspl.append("SIZE ").append(spec.size().widthMm()).append(" mm,").append(spec.size().heightMm()).append(" mm").append(CRLF);
        tspl.append("GAP 2 mm,0 mm").append(CRLF);
        for (LabelData label : labels) {
            tspl.append("CLS").append(CRLF);
            for (LabelLayout.Element e : LabelLayout.of(label, spec.size(), device).elements()) {
                int x = ZplLabelRenderer.dots(e.left(), dpmm);
                int y = ZplLabelRenderer.dots(e.top(), dpmm);
                if (e instanceof LabelLayout.Text t) {
                    int m = font.multiplier(t.size());
                    tspl.append("TEXT ").append(x).append(',').append(y).append(",\"").append(FONT).append("\",0,")
                            .append(m).append(',').append(m).append(",\"").append(quoted(t.text())).append('"');
                } else if (e instanceof LabelLayout.Box b) {
                    tspl.append("BAR ").append(x).append(',').append(y).append(',')
                            .append(ZplLabelRenderer.dots(b.width(), dpmm)).append(',')
                            .append(Math.max(1, ZplLabelRenderer.dots(b.height(), dpmm)));
                } else if (e instanceof LabelLayout.Barcode b) {
                    // "128" switches code sets automatically; no human-readable line, the layout prints the digits
                    int narrow = ZplLabelRenderer.dots(b.moduleMm(), dpmm);
                    tspl.append("BARCODE ").append(x).append(',').append(y).append(",\"128\",")
                            .append(ZplLabelRenderer.dots(b.height(), dpmm)).append(",0,0,").append(narrow).append(',')
                            .append(2 * narrow).append(",\"").append(quoted(b.content())).append('"');
                } else if (e instanceof LabelLayout.Qr q) {
                    tspl.append("QRCODE ").append(x).append(',').append(y).append(",M,")
                            .append(ZplLabelRenderer.dots(q.moduleMm(), dpmm)).append(",A,0,\"").append(quoted(q.content())).append('"');
                }
                tspl.append(CRLF);
            }
            tspl.append("PRINT 1,1").append(CRLF);
        }
        return tspl.toString().getBytes(PrinterFont.GBK);
    }

    private static String quoted(String text) {
        return text.replace('"', '”');
    }
}
