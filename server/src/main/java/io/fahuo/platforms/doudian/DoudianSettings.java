package io.fahuo.platforms.doudian;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connector-wide settings; per-shop credentials come from the shop.
 *
 * @param timeout            per request
 * @param pageSize           order.searchList page size (the platform allows at most 100)
 * @param maxPagedRows       the platform serves at most this many rows of one query by paging; larger windows are split
 * @param qps                client-side limit of calls per second per app key (the platform refuses more with 60000)
 * @param renewBefore        a token this close to its expiry is refreshed before use; within the platform's last
 *                           hour a refresh gives new tokens, earlier it gives the same ones back
 * @param rateLimitedRetries how many times a call refused with 60000 is repeated after a jittered pause before
 *                           the (retryable) failure reaches the job
 */
@ConfigurationProperties("fahuo.doudian")
public record DoudianSettings(Duration timeout, int pageSize, int maxPagedRows, double qps, Duration renewBefore, int rateLimitedRetries) {

    @ConstructorBinding
    public DoudianSettings(@DefaultValue("PT15S") Duration timeout,
                           @DefaultValue("100") int pageSize,
                           @DefaultValue("50000") int maxPagedRows,
                           @DefaultValue("20") double qps,
                           @DefaultValue("PT30M") Duration renewBefore,
                           @DefaultValue("2") int rateLimitedRetries) {
        this.timeout = timeout;
        this.pageSize = pageSize;
        this.maxPagedRows = maxPagedRows;
        this.qps = qps;
        this.renewBefore = renewBefore;
        this.rateLimitedRetries = rateLimitedRetries;
    }

    /** Defaults for what is not given: 20 calls/s, renew 30 min before expiry, 2 repeats after 60000. */
    public DoudianSettings(Duration timeout, int pageSize, int maxPagedRows) {
        this(timeout, pageSize, maxPagedRows, 20, Duration.ofMinutes(30), 2);
    }

    public static DoudianSettings of(Duration timeout, int pageSize, int maxPagedRows) {
        return new DoudianSettings(timeout, pageSize, maxPagedRows, 20, Duration.ofMinutes(30), 2);
    }
}
