package io.fahuo.shipments.domain;

import java.util.List;

/**
 * What to render: format, stock size and, for printer languages, the printer's resolution. A PDF is
 * resolution-free (vector bars); its dpi is recorded as 0.
 */
public record LabelSpec(LabelFormat format, LabelSize size, int dpi) {

    /** Thermal printers' resolutions; "203 dpi" is really 8 dots/mm and "300 dpi" 12 dots/mm. */
    public static final List<Integer> PRINTER_DPI = List.of(203, 300);
    public static final int DEFAULT_DPI = 203;

    public LabelSpec {
        if (format == null || size == null) {
            throw new IllegalArgumentException("a label spec needs a format and a size");
        }
        if (format.printerLanguage() && !PRINTER_DPI.contains(dpi)) {
            throw new IllegalArgumentException("dpi must be one of " + PRINTER_DPI + " for " + format + ", not " + dpi);
        }
        if (!format.printerLanguage()) {
            dpi = 0;
        }
    }

    public static LabelSpec pdf(LabelSize size) {
        return new LabelSpec(LabelFormat.PDF, size, 0);
    }

    /** Dots per millimetre of the target printer: 8 at 203 dpi, 12 at 300 dpi (0 for a PDF). */
    public int dotsPerMm() {
        return switch (dpi) {
            case 203 -> 8;
            case 300 -> 12;
            default -> 0;
        };
    }
}
