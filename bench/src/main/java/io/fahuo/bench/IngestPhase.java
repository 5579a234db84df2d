package io.fahuo.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest: orders the simulated Douyin shop pages out (100 per page) taken in by the real path — ShopSyncJob →
 * DoudianConnector (signed HTTP over loopback) → OrderIntake, one transaction per page — against the limit, a raw
 * JDBC batch insert of the very same rows into the same tables, one transaction per 100 orders.
 */
final class IngestPhase {

    private static final long COPY_OFFSET = 8_000_000_000_000_000L;

    static void run(Run run) throws Exception {
        int n = run.config.ingestOrders;
        // pipeline off: this phase measures intake alone
        run.db.execute("update shop set auto_ship = false where tenant_id = ?", Run.TENANT);
        Timestamp since = new Timestamp(System.currentTimeMillis() - 1000);
        long before = run.db.number("select count(*) from orders where tenant_id = ? and created_at >= ?", Run.TENANT, since);
        run.api.createSimOrders(n);
        long deadline = System.currentTimeMillis() + 180_000;
        long seen = 0;
        while (System.currentTimeMillis() < deadline) {
            seen = run.db.number("select count(*) from orders where tenant_id = ? and created_at >= ?", Run.TENANT, since) - before;
            if (seen >= n) {
                break;
            }
            Thread.sleep(250);
        }
        if (seen < n) {
            throw new IllegalStateException("only " + seen + " of " + n + " orders were taken in within 180 s");
        }
        // every page commits with one timestamp; a sync run's pages follow each other closely, runs are seconds apart
        List<Long> pageTimes = new ArrayList<>();
        try (Connection c = run.db.connect(); PreparedStatement ps = c.prepareStatement(
                "select distinct (extract(epoch from created_at) * 1000000)::bigint from orders where tenant_id = ? and created_at >= ? order by 1")) {
            Db.bind(ps, Run.TENANT, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pageTimes.add(rs.getLong(1));
                }
            }
        }
        long busyMicros = 0;
        int runs = 1;
        for (int i = 1; i < pageTimes.size(); i++) {
            long gap = pageTimes.get(i) - pageTimes.get(i - 1);
            if (gap < 2_000_000) {
                busyMicros += gap;
            } else {
                runs++;
            }
        }
        // the first page of each sync run has no predecessor to time it against
        double rate = (pageTimes.size() - runs) * 100.0 / (busyMicros / 1e6);
        Run.log("  %d orders in %d pages over %d sync runs", seen, pageTimes.size(), runs);

        double raw = rawInsert(run, since);
        run.add(Figure.more("ingest", "ingest.rate", "Ingest from simulator pages (100/page)", rate, "orders/s")
                .limit(raw, "raw JDBC batch insert of the same rows").target(3000));
        run.add(Figure.more("ingest", "ingest.raw", "Raw JDBC batch insert, same rows and tables", raw, "orders/s"));
        run.add(Figure.more("ingest", "ingest.share", "Ingest ÷ raw insert", rate / raw, "share").target(0.5));
    }

    /** Reads the ingested rows back and inserts copies of them, 100 orders per transaction, as batches. */
    private static double rawInsert(Run run, Timestamp since) throws Exception {
        List<Object[]> orders = rows(run, "select * from orders where tenant_id = ? and created_at >= ? order by id", since);
        List<Object[]> lines = rows(run, "select l.* from order_line l join orders o on o.id = l.order_id "
                + "where o.tenant_id = ? and o.created_at >= ? order by l.order_id, l.line_no", since);
        List<Object[]> events = rows(run, "select e.* from order_event e join orders o on o.id = e.order_id "
                + "where o.tenant_id = ? and o.created_at >= ? order by e.order_id", since);
        String[] orderCols = columns(run, "orders");
        String[] lineCols = columns(run, "order_line");
        String[] eventCols = columns(run, "order_event");
        int platformId = index(orderCols, "platform_order_id");
        int lineOrder = index(lineCols, "order_id");
        int eventOrder = index(eventCols, "order_id");
        for (Object[] o : orders) {
            o[0] = (Long) o[0] + COPY_OFFSET;
            o[platformId] = "R" + o[platformId];
        }
        for (Object[] l : lines) {
            l[0] = (Long) l[0] + COPY_OFFSET;
            l[lineOrder] = (Long) l[lineOrder] + COPY_OFFSET;
        }
        for (Object[] e : events) {
            e[0] = (Long) e[0] + COPY_OFFSET;
            e[eventOrder] = (Long) e[eventOrder] + COPY_OFFSET;
        }
        long t0 = System.nanoTime();
        try (Connection c = run.db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement po = c.prepareStatement(insert("orders", orderCols));
                 PreparedStatement pl = c.prepareStatement(insert("order_line", lineCols));
                 PreparedStatement pe = c.prepareStatement(insert("order_event", eventCols))) {
                int li = 0;
                int ei = 0;
                for (int from = 0; from < orders.size(); from += 100) {
                    int to = Math.min(orders.size(), from + 100);
                    long lastOrder = (Long) orders.get(to - 1)[0];
                    for (int i = from; i < to; i++) {
                        add(po, orders.get(i));
                    }
                    while (li < lines.size() && (Long) lines.get(li)[lineOrder] <= lastOrder) {
                        add(pl, lines.get(li++));
                    }
                    while (ei < events.size() && (Long) events.get(ei)[eventOrder] <= lastOrder) {
                        add(pe, events.get(ei++));
                    }
                    po.executeBatch();
                    pl.executeBatch();
                    pe.executeBatch();
                    c.commit();
                }
            }
        }
        double rate = orders.size() / ((System.nanoTime() - t0) / 1e9);
        run.db.execute("delete from order_event where order_id >= ?", COPY_OFFSET);
        run.db.execute("delete from order_line where order_id >= ?", COPY_OFFSET);
        run.db.execute("delete from orders where id >= ?", COPY_OFFSET);
        return rate;
    }

    private static void add(PreparedStatement ps, Object[] row) throws Exception {
        for (int i = 0; i < row.length; i++) {
            ps.setObject(i + 1, row[i]);
        }
        ps.addBatch();
    }

    private static String insert(String table, String[] cols) {
        return "insert into " + table + " (" + String.join(", ", cols) + ") values (" + "?, ".repeat(cols.length - 1) + "?)";
    }

    private static int index(String[] cols, String name) {
        for (int i = 0; i < cols.length; i++) {
            if (cols[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name);
    }

    private static String[] columns(Run run, String table) throws Exception {
        try (Connection c = run.db.connect(); PreparedStatement ps = c.prepareStatement("select * from " + table + " where false");
             ResultSet rs = ps.executeQuery()) {
            String[] cols = new String[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = rs.getMetaData().getColumnName(i + 1);
            }
            if (!cols[0].equals("id")) {
                throw new IllegalStateException(table + " does not start with id");
            }
            return cols;
        }
    }

    private static List<Object[]> rows(Run run, String sql, Timestamp since) throws Exception {
        List<Object[]> out = new ArrayList<>();
        try (Connection c = run.db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            Db.bind(ps, Run.TENANT, since);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }
}
