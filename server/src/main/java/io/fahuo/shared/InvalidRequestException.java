package io.fahuo.shared;

import java.util.Map;

/**
 * The caller's input is wrong; nothing was changed (HTTP 400). {@code details} become extra members of the
 * problem+json answer (for example the row-level errors of a rejected import).
 */
public class InvalidRequestException extends RuntimeException {

    private final Map<String, Object> details;

    public InvalidRequestException(String message) {
        this(message, Map.of());
    }

    public InvalidRequestException(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
