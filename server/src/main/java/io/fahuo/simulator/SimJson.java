package io.fahuo.simulator;

import tools.jackson.databind.JsonNode;

/** Reading the simulated platforms' JSON requests leniently, as their servers do. */
public final class SimJson {

    private SimJson() {
    }

    /** A field as text: strings as they are, numbers and objects as JSON, missing or null as "". */
    public static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? "" : v.isString() ? v.stringValue() : v.toString();
    }
}
