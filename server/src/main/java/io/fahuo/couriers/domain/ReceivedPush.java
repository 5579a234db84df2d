package io.fahuo.couriers.domain;

import java.util.List;

/**
 * A push read and judged by its connector. {@code accountRef} names the courier-side account it was signed
 * for (null when the protocol does not say); {@code signed} is false when the courier's protocol carries no
 * signature, in which case the traces are hints to be confirmed by asking the courier.
 */
public record ReceivedPush(String accountRef, boolean signed, List<TraceSnapshot> traces) {

    public ReceivedPush {
        traces = List.copyOf(traces);
    }
}
