package io.fahuo.couriers;

/** A courier call failed; {@code retryable} says whether the same request may succeed later. */
public class CourierException extends RuntimeException {

    private final boolean retryable;
    private final String code;

    public CourierException(String code, String message, boolean retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }

    public CourierException(String code, String message, boolean retryable, Throwable cause) {
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
