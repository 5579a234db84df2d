package io.fahuo.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.LabelSpec;

/** Label parameters as the API spells them ({@code pdf}, {@code 76x130}, {@code 203}), and label documents as HTTP answers. */
final class LabelRequests {

    private LabelRequests() {
    }

    static LabelFormat format(String format) {
        return LabelFormat.parse(format).orElseThrow(() -> new InvalidRequestException("format must be one of pdf, zpl, tspl"));
    }

    static LabelSize size(String size) {
        return LabelSize.parse(size).orElseThrow(() -> new InvalidRequestException("size must be one of 76x130, 100x150, 100x180"));
    }

    static LabelSpec spec(String format, String size, Integer dpi) {
        LabelFormat labelFormat = format(format);
        LabelSize labelSize = size(size);
        if (!labelFormat.printerLanguage()) {
            if (dpi != null) {
                throw new InvalidRequestException("dpi applies to zpl and tspl only; a pdf has no resolution");
            }
            return LabelSpec.pdf(labelSize);
        }
        int resolution = dpi == null ? LabelSpec.DEFAULT_DPI : dpi;
        if (!LabelSpec.PRINTER_DPI.contains(resolution)) {
            throw new InvalidRequestException("dpi must be one of " + LabelSpec.PRINTER_DPI);
        }
        return new LabelSpec(labelFormat, labelSize, resolution);
    }

    static ResponseEntity<byte[]> document(byte[] body, LabelFormat format, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "." + format.extension() + "\"")
                .body(body);
    }
}
