package io.fahuo.platforms;

import io.fahuo.shared.ExternalCallException;

/** A platform call failed. */
public class PlatformException extends ExternalCallException {

    public PlatformException(String code, String message, boolean retryable) {
        super(code, message, retryable, null);
    }

    public PlatformException(String code, String message, boolean retryable, Throwable cause) {
        super(code, message, retryable, cause);
    }
}
