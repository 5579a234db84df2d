package io.fahuo.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;

/** Where things are and how big the runs are; every value can be set with {@code --name=value}. */
final class Config {

    Path root = Path.of(".").toAbsolutePath().normalize();
    Path serverJar;
    String pgHost = "127.0.0.1";
    int pgPort = 5432;
    String pgUser = "postgres";
    String database = "fahuo_bench";
    int port;
    boolean jfr;
    final String token = "bench-" + UUID.randomUUID();
    final String password = "bench-" + UUID.randomUUID().toString().substring(0, 12);

    int ingestOrders = 20_000;
    int arrivalRate = 200;
    int arrivalSeconds = 10;
    int flashOrders = 10_000;
    int queryOrders = 1_000_000;
    int querySamples = 200;

    static Config parse(String[] args, java.util.List<String> phases) throws IOException {
        Config c = new Config();
        for (String a : args) {
            if (!a.startsWith("--")) {
                phases.add(a);
                continue;
            }
            String[] kv = a.substring(2).split("=", 2);
            String v = kv.length > 1 ? kv[1] : "true";
            switch (kv[0]) {
                case "root" -> c.root = Path.of(v).toAbsolutePath().normalize();
                case "pg-host" -> c.pgHost = v;
                case "pg-port" -> c.pgPort = Integer.parseInt(v);
                case "pg-user" -> c.pgUser = v;
                case "database" -> c.database = v;
                case "port" -> c.port = Integer.parseInt(v);
                case "jfr" -> c.jfr = Boolean.parseBoolean(v);
                case "ingest-orders" -> c.ingestOrders = Integer.parseInt(v);
                case "arrival-rate" -> c.arrivalRate = Integer.parseInt(v);
                case "arrival-seconds" -> c.arrivalSeconds = Integer.parseInt(v);
                case "flash-orders" -> c.flashOrders = Integer.parseInt(v);
                case "query-orders" -> c.queryOrders = Integer.parseInt(v);
                case "query-samples" -> c.querySamples = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option --" + kv[0]);
            }
        }
        c.serverJar = c.root.resolve("server/target/fahuo.jar");
        if (c.port == 0) {
            try (ServerSocket s = new ServerSocket(0)) {
                c.port = s.getLocalPort();
            }
        }
        return c;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    String adminJdbcUrl() {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/postgres";
    }

    Path runDir() {
        return root.resolve("bench/target/run");
    }
}
