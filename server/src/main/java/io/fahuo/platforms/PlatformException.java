package io.fahuo.platforms;

/** A platform call failed. {@code retryable} says whether the same call may succeed later. */
public class PlatformException extends RuntimeException {

    private final boolean retryable;
    private final String code;

    public PlatformException(String code, String message, boolean retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }

    public PlatformException(String code, String message, boolean retryable, Throwable cause) {
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
