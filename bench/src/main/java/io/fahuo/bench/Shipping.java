package io.fahuo.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Waits for orders taken in since a moment to be shipped, and reads when each was taken in and shipped. */
final class Shipping {

    /** One shipped order: its platform id, when it was taken in and when it shipped (epoch ms, server clock). */
    record Shipped(String platformOrderId, double ingestedAt, double shippedAt) {
    }

    record Outcome(int shipped, int stopped, List<Shipped> times, long waitedMillis, boolean timedOut) {
        double firstIngested() {
            return times.stream().mapToDouble(Shipped::ingestedAt).min().orElse(Double.NaN);
        }

        double lastShipped() {
            return times.stream().mapToDouble(Shipped::shippedAt).max().orElse(Double.NaN);
        }

        List<Double> ingestedToShipped() {
            return times.stream().map(t -> t.shippedAt() - t.ingestedAt()).toList();
        }
    }

    /**
     * Waits until {@code expected} orders taken in since {@code since} are SHIPPED (or stopped: held, cancelled),
     * giving up after {@code budgetMillis} or after a minute without progress.
     */
    static Outcome await(Run run, Timestamp since, int expected, long budgetMillis) throws Exception {
        long t0 = System.currentTimeMillis();
        long lastProgressAt = t0;
        long lastDone = -1;
        int shipped = 0;
        int stopped = 0;
        boolean timedOut = false;
        while (true) {
            try (Connection c = run.db.connect(); PreparedStatement ps = c.prepareStatement(
                    "select count(*) filter (where status = 'SHIPPED'), count(*) filter (where status in ('ON_HOLD', 'CANCELLED')) "
                            + "from orders where tenant_id = ? and created_at >= ?")) {
                Db.bind(ps, Run.TENANT, since);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    shipped = rs.getInt(1);
                    stopped = rs.getInt(2);
                }
            }
            long now = System.currentTimeMillis();
            if (shipped + stopped >= expected) {
                break;
            }
            if (shipped + stopped != lastDone) {
                lastDone = shipped + stopped;
                lastProgressAt = now;
            }
            if (now - t0 > budgetMillis || now - lastProgressAt > 60_000) {
                timedOut = true;
                Run.log("  gave up waiting: %d shipped, %d stopped of %d after %d s", shipped, stopped, expected, (now - t0) / 1000);
                break;
            }
            Thread.sleep(200);
        }
        long waited = System.currentTimeMillis() - t0;
        List<Shipped> times = new ArrayList<>();
        try (Connection c = run.db.connect(); PreparedStatement ps = c.prepareStatement(
                "select o.platform_order_id, extract(epoch from o.created_at) * 1000, extract(epoch from max(s.shipped_at)) * 1000 "
                        + "from orders o join shipment s on s.tenant_id = o.tenant_id and s.order_id = o.id "
                        + "where o.tenant_id = ? and o.created_at >= ? and o.status = 'SHIPPED' group by o.id")) {
            Db.bind(ps, Run.TENANT, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    times.add(new Shipped(rs.getString(1), rs.getDouble(2), rs.getDouble(3)));
                }
            }
        }
        return new Outcome(shipped, stopped, times, waited, timedOut);
    }

    /** Latencies in ms from the bench's creation time of each order at the simulator to its shipment. */
    static List<Double> paidToShipped(Outcome o, Map<String, Long> createdAt) {
        List<Double> out = new ArrayList<>();
        for (Shipped t : o.times()) {
            Long created = createdAt.get(t.platformOrderId());
            if (created != null) {
                out.add(t.shippedAt() - created);
            }
        }
        return out;
    }
}
