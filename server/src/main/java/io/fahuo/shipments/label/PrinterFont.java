package io.fahuo.shipments.label;

import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

import io.fahuo.shared.print.Printable;

/**
 * The Chinese font inside a thermal printer: fixed cells, full width for Chinese, half width for ASCII, and
 * only the characters GBK can encode (what TSPL's {@code TSS24.BF2} and Zebra's Simplified Chinese fonts carry).
 */
final class PrinterFont implements TextMetrics {

    static final Charset GBK = Charset.forName("GBK");
    /** TSS24.BF2 draws 24×24-dot cells, scaled by whole multiples. */
    static final int BITMAP_CELL_DOTS = 24;

    private final double dotsPerMm;
    private final boolean bitmap;

    private PrinterFont(double dotsPerMm, boolean bitmap) {
        this.dotsPerMm = dotsPerMm;
        this.bitmap = bitmap;
    }

    /** A TrueType font in the printer (ZPL {@code ^A@}): any height in whole dots. */
    static PrinterFont scalable(double dotsPerMm) {
        return new PrinterFont(dotsPerMm, false);
    }

    /** TSPL's TSS24.BF2: 24 dots high, times 1 to 10. */
    static PrinterFont bitmap24(double dotsPerMm) {
        return new PrinterFont(dotsPerMm, true);
    }

    @Override
    public String printable(String text) {
        CharsetEncoder gbk = GBK.newEncoder();
        return Printable.filter(text, cp -> gbk.canEncode(CharBuffer.wrap(Character.toChars(cp))));
    }

    @Override
    public double widthMm(String printable, double sizeMm) {
        return printable.codePoints().mapToDouble(cp -> cp < 0x80 ? 0.5 : 1.0).sum() * sizeMm;
    }

    @Override
    public double actualSize(double requestedMm) {
        double dots = requestedMm * dotsPerMm;
        if (bitmap) {
            return multiplier(requestedMm) * BITMAP_CELL_DOTS / dotsPerMm;
        }
        return Math.max(10, Math.round(dots)) / dotsPerMm;
    }

    /** The TSS24.BF2 multiplier for a requested height: the largest that is not taller, at least 1. */
    int multiplier(double requestedMm) {
        return (int) Math.max(1, Math.min(10, Math.floor(requestedMm * dotsPerMm / BITMAP_CELL_DOTS + 1e-9)));
    }
}
