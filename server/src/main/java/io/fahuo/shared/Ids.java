package io.fahuo.shared;

import java.util.concurrent.locks.ReentrantLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out ids from the shared database sequence in blocks of {@link #BLOCK}, so that many nodes can
 * generate ids without a round trip per row and without colliding.
 */
@Component
public class Ids {

    /** Must equal the sequence's INCREMENT BY. */
    static final int BLOCK = 100;

    private final JdbcClient jdbc;
    private final ReentrantLock lock = new ReentrantLock();
    private long next;
    private long limit;

    public Ids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long next() {
        lock.lock();
        try {
            if (next >= limit) {
                long start = jdbc.sql("select nextval('fahuo_id_seq')").query(Long.class).single();
                next = start;
                limit = start + BLOCK;
            }
            return next++;
        } finally {
            lock.unlock();
        }
    }
}
