package io.fahuo.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine's database limit: primary-key selects from 16 connections (Fahuo runs 16 jobs at once), each a full
 * client–server round trip over loopback TCP; and what one order costs the database in the pipeline (read from
 * PostgreSQL's statistics views), so the two give the orders/s the database alone would allow.
 */
final class DbLoopbackPhase {

    record Counters(long scans, long rowsWritten, long commits) {
        Counters minus(Counters o) {
            return new Counters(scans - o.scans, rowsWritten - o.rowsWritten, commits - o.commits);
        }
    }

    static void run(Run run) throws Exception {
        long shop = run.db.number("select min(id) from shop");
        hammer(run, shop, 2000);
        long t0 = System.nanoTime();
        long n = hammer(run, shop, 6000);
        run.dbRoundTripsPerSecond = n / ((System.nanoTime() - t0) / 1e9);
        run.add(Figure.more("pipeline", "loopback.db", "PostgreSQL round trips (16 connections, primary-key select)",
                run.dbRoundTripsPerSecond, "queries/s").note("the database side of the pipeline's limit"));
    }

    /** Table scans (index + sequential), rows written and commits so far, from PostgreSQL's statistics. */
    static Counters counters(Run run) throws Exception {
        // statistics reach the shared views within a second of a transaction's end
        Thread.sleep(1500);
        try (Connection c = run.db.connect(); PreparedStatement ps = c.prepareStatement(
                "select (select coalesce(sum(seq_scan), 0) + coalesce(sum(idx_scan), 0) from pg_stat_user_tables), "
                        + "(select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables), "
                        + "(select xact_commit from pg_stat_database where datname = current_database())");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Counters(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    private static long hammer(Run run, long shop, long millis) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < LoopbackPhase.THREADS; i++) {
            Connection c = run.db.connect();
            connections.add(c);
            Thread t = new Thread(() -> {
                try (PreparedStatement ps = c.prepareStatement("select name from shop where id = ?")) {
                    ps.setLong(1, shop);
                    while (!stop.get()) {
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                        }
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    Run.log("  database hammer stopped: %s", e.getMessage());
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(millis);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        for (Connection c : connections) {
            c.close();
        }
        return done.get();
    }
}
