package io.fahuo.platforms.doudian;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical {@code param_json} the platform signs: object keys sorted at every level (also inside
 * arrays), array order kept, compact, no HTML escaping, whole numbers without a decimal point.
 */
public final class DoudianJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private DoudianJson() {
    }

    /** Serialises request parameters (maps, lists, strings, whole numbers, booleans) canonically. */
    public static String canonical(Map<String, ?> params) {
        return MAPPER.writeValueAsString(sorted(params));
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DoudianJson::sorted).toList();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d)) {
                return (long) d;
            }
        }
        return value;
    }

    public static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }
}
