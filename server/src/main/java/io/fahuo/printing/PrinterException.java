package io.fahuo.printing;

import io.fahuo.shared.ExternalCallException;

/** A raw printer could not be reached or did not take the whole job in time. The message names the printer. */
public class PrinterException extends ExternalCallException {

    public PrinterException(String message, Throwable cause) {
        super("PRINTER", message, true, cause);
    }
}
