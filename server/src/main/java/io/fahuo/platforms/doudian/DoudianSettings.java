package io.fahuo.platforms.doudian;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connector-wide settings; per-shop credentials come from the shop.
 *
 * @param timeout      per request
 * @param pageSize     order.searchList page size (the platform allows at most 100)
 * @param maxPagedRows the platform serves at most this many rows of one query by paging; larger windows are split
 */
@ConfigurationProperties("fahuo.doudian")
public record DoudianSettings(@DefaultValue("PT15S") Duration timeout,
                              @DefaultValue("100") int pageSize,
                              @DefaultValue("50000") int maxPagedRows) {
}
