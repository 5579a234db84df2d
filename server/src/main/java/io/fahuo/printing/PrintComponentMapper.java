package io.fahuo.printing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fahuo.printing.domain.PlatformPrintData;
import io.fahuo.printing.domain.PrintComponent;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the messages the platforms' print components take ({@code cmd: "print"}), from the print data the
 * platforms hand out. Pure conversion: connectors call it with what their API returned, the console sends
 * the result over the component's WebSocket.
 */
public final class PrintComponentMapper {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PrintComponentMapper() {
    }

    /**
     * A Douyin e-waybill from {@code logistics.waybillApply}: {@code print_data} becomes {@code encryptedData},
     * {@code sign} becomes {@code signature}. {@code params} is the URL-encoded, signed
     * {@code logistics.getShopKey} request the component uses to fetch the key (optional: the component can
     * be configured with the shop's key instead).
     */
    public static PlatformPrintData douyin(String trackingNumber, String printData, String sign, String templateUrl, String params) {
        require(trackingNumber, "track_no");
        require(printData, "print_data");
        require(sign, "sign");
        require(templateUrl, "templateURL");
        Map<String, Object> content = new LinkedHashMap<>();
        if (params != null && !params.isBlank()) {
            content.put("params", params);
        }
        content.put("encryptedData", printData);
        content.put("signature", sign);
        content.put("templateURL", templateUrl);
        return new PlatformPrintData(PrintComponent.DOUYIN, trackingNumber, content);
    }

    /**
     * A Cainiao waybill from {@code cainiao.waybill.ii.get}: its {@code print_data} is a JSON string that is
     * already a document content ({@code encryptedData}, {@code signature}, {@code templateURL}, {@code ver},
     * or {@code data} when not encrypted).
     */
    public static PlatformPrintData cainiao(String waybillCode, String printData) {
        require(waybillCode, "waybill_code");
        require(printData, "print_data");
        Map<String, Object> content;
        try {
            content = JSON.readValue(printData, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Cainiao print_data is not a JSON object", e);
        }
        if (!content.containsKey("templateURL") || !(content.containsKey("encryptedData") || content.containsKey("data"))) {
            throw new IllegalArgumentException("Cainiao print_data needs templateURL and encryptedData (or data)");
        }
        return new PlatformPrintData(PrintComponent.CAINIAO, waybillCode, content);
    }

    /**
     * One {@code print} command for one component: a document per waybill, its document ID the tracking number.
     * {@code printer} empty means the component's default printer; {@code preview} asks for a preview instead.
     */
    public static Map<String, Object> printTask(PrintComponent component, String requestId, String taskId, String printer,
                                                boolean preview, List<PlatformPrintData> waybills) {
        require(requestId, "requestID");
        require(taskId, "taskID");
        if (waybills.isEmpty()) {
            throw new IllegalArgumentException("a print task needs at least one document");
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (PlatformPrintData w : waybills) {
            if (w.component() != component) {
                throw new IllegalArgumentException("waybill " + w.trackingNumber() + " belongs to the " + w.component()
                        + " component, not " + component);
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("documentID", w.trackingNumber());
            document.put("contents", List.of(ordered(w.content())));
            documents.add(document);
        }
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("taskID", taskId);
        task.put("printer", printer == null ? "" : printer);
        task.put("preview", preview);
        task.put("documents", documents);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("cmd", "print");
        message.put("requestID", requestId);
        message.put("version", "1.0");
        message.put("task", task);
        return message;
    }

    /** Content keys in the order the platforms' examples show them (parameters, data, signature, template, version). */
    private static Map<String, Object> ordered(Map<String, Object> content) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : List.of("params", "encryptedData", "data", "signature", "templateURL", "ver")) {
            if (content.containsKey(key)) {
                out.put(key, content.get(key));
            }
        }
        content.forEach(out::putIfAbsent);
        return out;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
