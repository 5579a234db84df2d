package io.fahuo.bench;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Queries at a million orders: bulk-loads orders (and a parcel for each that has a waybill) with COPY until the
 * tenant holds {@code --query-orders}, across the demo shop and a second shop, then times the order list the
 * merchant uses — the console's keyset pages (status + shop filter, ship-by order, first page and one 30,000 rows
 * deep), the REST API's numbered pages (the same filter, page 0 and page 1,500) — and the search by tracking
 * number. The limit beside each is the same SQL run straight through JDBC.
 */
final class QueryPhase {

    static final long LOAD_ID_BASE = 5_000_000_000_000_000L;
    private static final String FILTER_STATUS = "WAYBILL_ISSUED";

    static void run(Run run) throws Exception {
        long shopId = run.db.number("select min(id) from shop where tenant_id = ? and platform = 'DOUDIAN'", Run.TENANT);
        long otherShop = secondShop(run, shopId);
        long existing = run.db.number("select count(*) from orders where tenant_id = ?", Run.TENANT);
        long toLoad = Math.max(0, run.config.queryOrders - existing);
        long t0 = System.nanoTime();
        load(run, shopId, otherShop, toLoad);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long total = run.db.number("select count(*) from orders where tenant_id = ?", Run.TENANT);
        long filtered = run.db.number("select count(*) from orders where tenant_id = ? and shop_id = ? and status = ?", Run.TENANT, shopId,
                FILTER_STATUS);
        Run.log("  loaded %,d orders in %.0f s (COPY + vacuum analyze): %,d in all, %,d match the list's filter", toLoad, loadSeconds, total,
                filtered);
        FootprintPhase.heap(run, "footprint.heap.1m", String.format("Heap with %,d orders in the database (live set after full GC)", total));

        String deepCursor;
        long deepShipBy;
        long deepId;
        try (Connection c = run.db.connect(); PreparedStatement ps = c.prepareStatement(
                "select (extract(epoch from ship_by) * 1000)::bigint, id from orders where tenant_id = ? and shop_id = ? and status = ? "
                        + "order by ship_by, id offset 30000 limit 1")) {
            Db.bind(ps, Run.TENANT, shopId, FILTER_STATUS);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                deepShipBy = rs.getLong(1);
                deepId = rs.getLong(2);
                deepCursor = deepShipBy + "_" + deepId;
            }
        }
        List<String> trackings = new ArrayList<>();
        try (Connection c = run.db.connect(); PreparedStatement ps = c.prepareStatement(
                "select tracking_number from shipment where tenant_id = ? and tracking_number is not null order by random() limit 500")) {
            Db.bind(ps, Run.TENANT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    trackings.add(rs.getString(1));
                }
            }
        }
        String scale = String.format("%,d orders", total);
        int n = run.config.querySamples;
        String list = "/console/orders?shop=" + shopId + "&status=" + FILTER_STATUS;

        Stats page1 = time(n, i -> run.api.consoleGet(list, run.config));
        Stats page1Sql = sql(run, n, keyset(false), shopId, 0, 0);
        report(run, "query.console.page1", "Console order list, page 1 (status + shop, by ship-by)", scale, page1, page1Sql);

        Stats deep = time(n, i -> run.api.consoleGet(list + "&after=" + deepCursor, run.config));
        Stats deepSql = sql(run, n, keyset(true), shopId, deepShipBy, deepId);
        report(run, "query.console.deep", "Console order list, 30,000 rows deep (keyset)", scale, deep, deepSql);

        String api = "/api/v1/orders?status=" + FILTER_STATUS + "&shopId=" + shopId + "&size=20";
        Stats apiPage1 = time(n, i -> run.api.get(api + "&page=0"));
        Stats apiPage1Sql = sql(run, n, offset(0), shopId, 0, 0);
        report(run, "query.api.page1", "REST order list, page 0 (status + shop, by ship-by)", scale, apiPage1, apiPage1Sql);

        Stats apiDeep = time(Math.max(20, n / 4), i -> run.api.get(api + "&page=1500"));
        Stats apiDeepSql = sql(run, Math.max(20, n / 4), offset(30_000), shopId, 0, 0);
        report(run, "query.api.deep", "REST order list, page 1,500 (offset 30,000)", scale, apiDeep, apiDeepSql);

        Stats search = time(n, i -> run.api.consoleGet("/console/orders?q=" + URLEncoder.encode(trackings.get(i % trackings.size()),
                StandardCharsets.UTF_8), run.config));
        Stats searchSql = sqlTracking(run, n, trackings);
        report(run, "query.tracking", "Order search by tracking number (console)", scale, search, searchSql);
    }

    interface Call {
        void call(int i) throws Exception;
    }

    private static Stats time(int samples, Call call) throws Exception {
        for (int i = 0; i < Math.min(20, samples); i++) {
            call.call(i);
        }
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            call.call(i);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return new Stats(ms);
    }

    private static void report(Run run, String id, String name, String scale, Stats figure, Stats limit) {
        run.add(Figure.less("queries", id + ".p50", name + " p50 at " + scale, figure.percentile(50), "ms")
                .limit(limit.percentile(50), "the same SQL through JDBC"));
        run.add(Figure.less("queries", id + ".p95", name + " p95 at " + scale, figure.percentile(95), "ms")
                .limit(limit.percentile(95), "the same SQL through JDBC").target(20));
    }

    /** The console's page query (Orders.search → SearchQuery): rows after a cursor plus the capped count. */
    private static String[] keyset(boolean deep) {
        String where = " from orders o where o.tenant_id = ? and o.status in (?) and o.shop_id = ?";
        String range = deep ? " and (o.ship_by, o.id) > (to_timestamp(? / 1000.0), ?)" : " and o.ship_by is not null";
        return new String[] {"select *" + where + range + " order by o.ship_by asc, o.id asc limit 51",
                "select count(*) from (select 1" + where + " limit 10001) capped"};
    }

    /** The REST list's query (Orders.list): a numbered page by offset plus the exact count. */
    private static String[] offset(int offset) {
        String where = " from orders o where o.tenant_id = ? and o.status = ? and o.shop_id = ?";
        return new String[] {"select *" + where + " order by o.ship_by asc, o.id asc limit 20 offset " + offset,
                "select count(*)" + where};
    }

    private static Stats sql(Run run, int samples, String[] statements, long shopId, long shipByMillis, long id) throws Exception {
        try (Connection c = run.db.connect()) {
            PreparedStatement[] ps = new PreparedStatement[statements.length];
            for (int i = 0; i < ps.length; i++) {
                ps[i] = c.prepareStatement(statements[i]);
                ps[i].setLong(1, Run.TENANT);
                ps[i].setString(2, FILTER_STATUS);
                ps[i].setLong(3, shopId);
                if (statements[i].contains("to_timestamp")) {
                    ps[i].setLong(4, shipByMillis);
                    ps[i].setLong(5, id);
                }
            }
            return time(samples, n -> {
                for (PreparedStatement p : ps) {
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                }
            });
        }
    }

    private static Stats sqlTracking(Run run, int samples, List<String> trackings) throws Exception {
        try (Connection c = run.db.connect();
             PreparedStatement byNumber = c.prepareStatement("select id from orders where tenant_id = ? and platform_order_id = ?");
             PreparedStatement byTracking = c.prepareStatement("select order_id from shipment where tenant_id = ? and tracking_number = ?");
             PreparedStatement rows = c.prepareStatement("select * from orders o where o.tenant_id = ? and o.id = ?")) {
            return time(samples, i -> {
                String t = trackings.get(i % trackings.size());
                byNumber.setLong(1, Run.TENANT);
                byNumber.setString(2, t);
                byNumber.executeQuery().close();
                byTracking.setLong(1, Run.TENANT);
                byTracking.setString(2, t);
                long orderId = 0;
                try (ResultSet rs = byTracking.executeQuery()) {
                    if (rs.next()) {
                        orderId = rs.getLong(1);
                    }
                }
                rows.setLong(1, Run.TENANT);
                rows.setLong(2, orderId);
                rows.executeQuery().close();
            });
        }
    }

    /** A second shop of the tenant (a row only: no sync job), so the list's shop filter has something to filter out. */
    private static long secondShop(Run run, long shopId) throws Exception {
        long other = 4_999_999_999_999_999L;
        if (run.db.number("select count(*) from shop where id = ?", other) == 0) {
            run.db.execute("insert into shop (id, tenant_id, platform, name, platform_shop_id, api_base_url, app_key, app_secret_enc, "
                    + "default_warehouse_id, auto_ship, created_at) select ?, tenant_id, platform, name || ' 2', platform_shop_id || '-2', "
                    + "api_base_url, app_key, app_secret_enc, default_warehouse_id, false, created_at from shop where id = ?", other, shopId);
        }
        return other;
    }

    /**
     * COPY in chunks: ship-by deadlines over the last 30 days and the next 2, statuses as a busy shop has them
     * (most shipped, some waiting for a label or the courier, a few held or cancelled), 70 % in the demo shop.
     */
    private static void load(Run run, long shopId, long otherShop, long count) throws Exception {
        if (count == 0) {
            return;
        }
        long warehouse = run.db.number("select min(id) from warehouse where tenant_id = ?", Run.TENANT);
        long courier = run.db.number("select min(id) from courier_account where tenant_id = ?", Run.TENANT);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SplittableRandom random = new SplittableRandom(42);
        long base = LOAD_ID_BASE + run.db.number("select count(*) from orders where id >= ?", LOAD_ID_BASE);
        try (Connection c = run.db.connect()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            int chunk = 50_000;
            for (long from = 0; from < count; from += chunk) {
                StringBuilder orders = new StringBuilder(chunk * 300);
                StringBuilder parcels = new StringBuilder(chunk * 150);
                for (long i = from; i < Math.min(count, from + chunk); i++) {
                    long id = base + i;
                    int r = random.nextInt(100);
                    String status = r < 80 ? "SHIPPED" : r < 88 ? "WAYBILL_ISSUED" : r < 94 ? "PENDING" : r < 97 ? "ON_HOLD" : "CANCELLED";
                    Instant paid = now.minusSeconds(random.nextLong(30L * 86_400));
                    Instant shipBy = paid.plusSeconds(48 * 3600);
                    long shop = random.nextInt(10) < 7 ? shopId : otherShop;
                    String ts = paid.toString();
                    orders.append(id).append('\t').append(Run.TENANT).append('\t').append(shop).append("\tDOUDIAN\tB").append(id)
                            .append("\t2\t").append(status).append('\t').append(1990 + random.nextInt(50_000)).append('\t').append(ts)
                            .append('\t').append(shipBy).append('\t').append(ts).append('\t').append(ts)
                            .append("\t浙江省\t杭州市\t西湖区\t西溪街道\t王*\t138****").append(String.format("%04d", random.nextInt(10_000)))
                            .append("\t文三路***号\t").append(ts).append('\t').append(ts).append("\t0\n");
                    if (status.equals("SHIPPED") || status.equals("WAYBILL_ISSUED")) {
                        parcels.append(id).append('\t').append(Run.TENANT).append('\t').append(id).append("\t1\t").append(warehouse)
                                .append('\t').append(courier).append("\tZTO\tCOURIER_API\t7359").append(id % 1_000_000_000_000L)
                                .append('\t').append(status).append('\t').append(ts).append('\t')
                                .append(status.equals("SHIPPED") ? shipBy.minusSeconds(40 * 3600).toString() : "\\N").append('\t').append(ts)
                                .append('\n');
                    }
                }
                copy.copyIn("copy orders (id, tenant_id, shop_id, platform, platform_order_id, platform_status, status, amount_fen, paid_at, "
                        + "ship_by, platform_created_at, platform_updated_at, receiver_province, receiver_city, receiver_district, "
                        + "receiver_street, receiver_name_masked, receiver_phone_masked, receiver_detail_masked, created_at, updated_at, "
                        + "version) from stdin", new StringReader(orders.toString()));
                copy.copyIn("copy shipment (id, tenant_id, order_id, package_no, warehouse_id, courier_account_id, carrier_code, "
                        + "waybill_source, tracking_number, status, waybill_issued_at, shipped_at, created_at) from stdin",
                        new StringReader(parcels.toString()));
            }
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze orders");
                s.execute("vacuum analyze shipment");
            }
        }
    }
}
