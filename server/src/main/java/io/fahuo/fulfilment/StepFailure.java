package io.fahuo.fulfilment;

/** A pipeline step could not complete; the order shows the message and the step is retried later. */
public class StepFailure extends RuntimeException {

    public StepFailure(String message) {
        super(message);
    }
}
