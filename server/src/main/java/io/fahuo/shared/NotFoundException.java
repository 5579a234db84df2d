package io.fahuo.shared;

/** Something the caller named does not exist for this tenant (HTTP 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
