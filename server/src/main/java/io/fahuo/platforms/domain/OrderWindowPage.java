package io.fahuo.platforms.domain;

import java.util.List;

import io.fahuo.orders.domain.IncomingOrder;

/** One page of orders updated within a time window, and how many the window holds in all. */
public record OrderWindowPage(List<IncomingOrder> orders, long total, int page, int size) {

    public boolean isLast() {
        return (long) (page + 1) * size >= total || orders.size() < size;
    }
}
