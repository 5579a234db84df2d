package io.fahuo.shipments.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a label is delivered: a PDF for the browser's print dialog, or the command language of a thermal
 * printer that is written to raw (ZPL for Zebra and compatibles; TSPL for TSC, Gprinter, HPRT and most
 * low-cost Chinese printers).
 */
public enum LabelFormat {
    PDF("application/pdf", "pdf"),
    /** UTF-8 ({@code ^CI28}). */
    ZPL("text/plain;charset=UTF-8", "zpl"),
    /** GBK: the charset of the printers' built-in Chinese font. */
    TSPL("text/plain;charset=GBK", "tspl");

    private final String mediaType;
    private final String extension;

    LabelFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Whether the format is a printer language (needs a resolution in dots per inch). */
    public boolean printerLanguage() {
        return this != PDF;
    }

    public static Optional<LabelFormat> parse(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }
}
