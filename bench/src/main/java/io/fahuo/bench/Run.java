package io.fahuo.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the phases of one run share: the server under test, its database, the figures so far. */
final class Run {

    static final long TENANT = 1L;

    final Config config;
    final Db db;
    ServerProcess server;
    Api api;
    final List<Figure> figures = new ArrayList<>();
    final Map<String, Long> phaseMillis = new LinkedHashMap<>();
    /** The loopback HTTP round-trip rate of this machine, measured in this run (the pipeline's limit). */
    Double loopbackPerSecond;
    /** HTTP requests the server answers per order shipped, measured in the pipeline phase. */
    Double requestsPerOrder;
    /** PostgreSQL primary-key round trips per second from 16 connections, measured in this run. */
    Double dbRoundTripsPerSecond;
    /** Database statements (table scans + rows written) per order shipped, measured in the pipeline phase. */
    Double dbStatementsPerOrder;

    /**
     * What this machine allows in orders/s: the lower of the loopback HTTP rate ÷ HTTP requests per order and the
     * database round-trip rate ÷ database statements per order (both measured in this run).
     */
    Double pipelineLimit() {
        Double http = loopbackPerSecond == null || requestsPerOrder == null ? null : loopbackPerSecond / requestsPerOrder;
        Double db = dbRoundTripsPerSecond == null || dbStatementsPerOrder == null ? null : dbRoundTripsPerSecond / dbStatementsPerOrder;
        if (http == null || db == null) {
            return http == null ? db : http;
        }
        return Math.min(http, db);
    }

    String pipelineLimitName() {
        Double limit = pipelineLimit();
        if (limit == null) {
            return null;
        }
        boolean dbBinds = dbRoundTripsPerSecond != null && dbStatementsPerOrder != null
                && limit == dbRoundTripsPerSecond / dbStatementsPerOrder;
        return dbBinds ? String.format("database round trips ÷ %.0f scans and writes per order", dbStatementsPerOrder)
                : String.format("loopback HTTP rate ÷ %.1f requests per order", requestsPerOrder);
    }

    Run(Config config) {
        this.config = config;
        this.db = new Db(config);
    }

    void add(Figure f) {
        figures.add(f);
        log("  %-44s %12s %-10s%s%s", f.name(), format(f.value()), f.unit(),
                f.limit() == null ? "" : String.format("  limit %s (%s)", format(f.limit()), f.limitName()),
                f.targetMet() == null ? "" : (f.targetMet() ? "  target met" : "  target MISSED (" + format(f.target()) + ")"));
    }

    static String format(double v) {
        if (v >= 100) {
            return String.format("%,.0f", v);
        }
        if (v >= 10) {
            return String.format("%.1f", v);
        }
        return String.format("%.2f", v);
    }

    static void log(String format, Object... args) {
        System.out.printf("[%tT] " + format + "%n", prepend(new java.util.Date(), args));
        System.out.flush();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }
}
