package io.fahuo.shared;

/** The caller's input is wrong; nothing was changed (HTTP 400). */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
