package io.fahuo.couriers;

import java.util.List;

import io.fahuo.couriers.domain.CourierProvider;
import io.fahuo.couriers.domain.TraceSnapshot;

/**
 * A courier pushed traces. {@code accountIds}: the Fahuo accounts (of any tenant) the push can concern,
 * because it was signed with their key or, unsigned, because they belong to the provider. When
 * {@code signed} is false the traces are only a hint: confirm them by asking the courier.
 * Published synchronously: a listener that throws makes Fahuo ask the courier to push again.
 */
public record CourierTracesReceived(CourierProvider provider, List<Long> accountIds, boolean signed, List<TraceSnapshot> traces) {

    public CourierTracesReceived {
        accountIds = List.copyOf(accountIds);
        traces = List.copyOf(traces);
    }
}
