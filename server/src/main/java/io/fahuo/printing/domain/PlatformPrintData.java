package io.fahuo.printing.domain;

import java.util.Map;

/**
 * What a platform hands out to print one of its waybills, as its print component expects it in a document's
 * {@code contents}: for Douyin {@code logistics.waybillApply}'s {@code print_data} and {@code sign} plus the
 * template URL and the signed {@code params}; for Cainiao the parsed {@code print_data} of
 * {@code cainiao.waybill.ii.get}. Opaque to Fahuo: encrypted by the platform, decrypted only by the component.
 */
public record PlatformPrintData(PrintComponent component, String trackingNumber, Map<String, Object> content) {

    public PlatformPrintData {
        content = Map.copyOf(content);
    }
}
