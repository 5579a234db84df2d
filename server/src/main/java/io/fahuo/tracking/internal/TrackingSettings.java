package io.fahuo.tracking.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.fahuo.tracking.domain.PollPolicy;

/** How often parcels are polled by state, and how often exception rules are checked. */
@ConfigurationProperties("fahuo.tracking")
record TrackingSettings(@DefaultValue("PT2H") Duration pollAwaitingPickup,
                        @DefaultValue("PT6H") Duration pollInTransit,
                        @DefaultValue("PT2H") Duration pollOutForDelivery,
                        @DefaultValue("PT4H") Duration pollException,
                        @DefaultValue("PT12H") Duration pollReturning,
                        @DefaultValue("PT1H") Duration pollUnconfirmed,
                        @DefaultValue("PT5M") Duration pollRetryFirst,
                        @DefaultValue("P30D") Duration pollGiveUpAfter,
                        @DefaultValue("PT5M") Duration exceptionSweep) {

    PollPolicy pollPolicy() {
        return new PollPolicy(pollAwaitingPickup, pollInTransit, pollOutForDelivery, pollException, pollReturning, pollUnconfirmed,
                pollRetryFirst, pollGiveUpAfter);
    }
}
