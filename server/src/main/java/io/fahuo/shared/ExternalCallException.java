package io.fahuo.shared;

/**
 * A call to someone else's system (platform, courier) failed. {@code retryable} says whether the same
 * request may succeed later; {@code code} is that system's own error code.
 */
public class ExternalCallException extends RuntimeException {

    private final boolean retryable;
    private final String code;

    public ExternalCallException(String code, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    public String code() {
        return code;
    }
}
