package io.fahuo.couriers;

import io.fahuo.shared.ExternalCallException;

/** A courier call failed. */
public class CourierException extends ExternalCallException {

    public CourierException(String code, String message, boolean retryable) {
        super(code, message, retryable, null);
    }

    public CourierException(String code, String message, boolean retryable, Throwable cause) {
        super(code, message, retryable, cause);
    }
}
