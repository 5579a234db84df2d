package io.fahuo.shared;

/** The request is valid but the current state does not allow it; nothing was changed (HTTP 409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
