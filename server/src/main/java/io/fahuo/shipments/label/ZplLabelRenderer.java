package io.fahuo.shipments.label;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.fahuo.shipments.LabelRenderer;
import io.fahuo.shipments.domain.LabelData;
import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.shipments.domain.LabelSpec;

/**
 * Labels in ZPL II for Zebra printers (and the many that emulate them), one {@code ^XA…^XZ} format per
 * label, text in UTF-8 ({@code ^CI28}).
 * <p>
 * Assumption: Chinese needs a TrueType font in the printer; the built-in fonts have no CJK glyphs. Text is
 * drawn with {@code ^A@} and the font named by {@code fahuo.labels.zpl-font} (default {@code E:ANMDS.TTF},
 * Zebra's Simplified Chinese font, which must be installed on the printer). Characters outside GBK are
 * replaced, because that is what such fonts cover. Field data goes through {@code ^FH} hex escapes, so a
 * '^' or '~' in an address cannot end the field or start a command.
 */
@Component
public class ZplLabelRenderer implements LabelRenderer {

    private final String cjkFont;

    public ZplLabelRenderer(@Value("${fahuo.labels.zpl-font:E:ANMDS.TTF}") String cjkFont) {
        this.cjkFont = cjkFont;
    }

    @Override
    public LabelFormat format() {
        return LabelFormat.ZPL;
    }

    @Override
    public byte[] render(List<LabelData> labels, LabelSpec spec) {
        double dpmm = spec.dotsPerMm();
        LabelLayout.Device device = new LabelLayout.Device(PrinterFont.scalable(dpmm), 1 / dpmm);
        StringBuilder zpl = new StringBuilder(4096 * labels.size());
        for (LabelData label : labels) {
            LabelLayout.Layout layout = LabelLayout.of(label, spec.size(), device);
            zpl.append("^XA^CI28^PW").append(dots(spec.size().widthMm(), dpmm))
                    .append("^LL").append(dots(spec.size().heightMm(), dpmm)).append("^LH0,0\n");
            for (LabelLayout.Element e : layout.elements()) {
                zpl.append("^FO").append(dots(e.left(), dpmm)).append(',').append(dots(e.top(), dpmm));
                if (e instanceof LabelLayout.Text t) {
                    int h = dots(t.size(), dpmm);
                    zpl.append("^A@N,").append(h).append(',').append(h).append(',').append(cjkFont)
                            .append("^FH\\^FD").append(escape(t.text()));
                } else if (e instanceof LabelLayout.Box b) {
                    int w = dots(b.width(), dpmm);
                    int h = Math.max(1, dots(b.height(), dpmm));
                    zpl.append("^GB").append(w).append(',').append(h).append(',').append(Math.min(w, h));
                } else if (e instanceof LabelLayout.Barcode b) {
                    // mode A: the printer picks Code128 code sets itself, as ZXing does for the layout
                    zpl.append("^BY").append(dots(b.moduleMm(), dpmm)).append("^BCN,").append(dots(b.height(), dpmm))
                            .append(",N,N,N,A^FH\\^FD").append(escape(b.content()));
                } else if (e instanceof LabelLayout.Qr q) {
                    zpl.append("^BQN,2,").append(dots(q.moduleMm(), dpmm)).append("^FH\\^FDMA,").append(escape(q.content()));
                }
                zpl.append("^FS\n");
            }
            zpl.append("^PQ1^XZ\n");
        }
        return zpl.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code ^FH\} escapes: the three characters that would end the field or start a command. */
    static String escape(String text) {
        return text.replace("\\", "\\5C").replace("^", "\\5E").replace("~", "\\7E");
    }

    static int dots(double mm, double dotsPerMm) {
        return (int) Math.round(mm * dotsPerMm);
    }
}
