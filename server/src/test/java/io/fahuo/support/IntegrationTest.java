package io.fahuo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * One Fahuo server on a random port, shared by all integration tests: demo mode (so the simulators are
 * mounted) without the demo's order trickle, fast job polling. H2 file database by default; PostgreSQL
 * with {@code -Dspring.profiles.active=postgres}. The schema is rebuilt when the context starts, and
 * each test works in its own tenant and its own simulated shop, so tests do not see each other's orders.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fahuo.data-dir=target/it-data",
        "fahuo.demo=true",
        "fahuo.sim.doudian.trickle-seconds=0",
        "fahuo.sim.doudian.initial-orders=0",
        "fahuo.sync.interval=PT1S",
        "fahuo.scheduler.polling-interval=PT0.2S",
        "fahuo.pipeline.retry-first=PT0.5S",
        "fahuo.pipeline.retry-max=PT2S",
        "fahuo.pipeline.out-of-stock-recheck=PT1S",
        "fahuo.printing.retry-first=PT0.2S",
        "fahuo.stock-push.retry-first=PT0.2S",
        "fahuo.stock-push.retry-max=PT1S",
        "fahuo.sim.parcels.speed=1",
        "fahuo.sim.parcels.stall-rate=0",
        "fahuo.sim.parcels.loss-rate=0",
        "fahuo.sim.parcels.return-rate=0",
        "fahuo.sla.watch-interval=PT1S",
        "fahuo.bootstrap.admin-token=integration-test-admin-token",
        "fahuo.bootstrap.admin-password=integration-test-admin-password",
        "spring.flyway.clean-disabled=false"})
@Import(IntegrationTest.CleanDatabase.class)
public abstract class IntegrationTest {

    static {
        deleteRecursively(Path.of("target/it-data"));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected Fixtures fixtures;

    protected SimControl sim() {
        return new SimControl(port);
    }

    protected ApiClient api(String token) {
        return new ApiClient(port, token);
    }

    @TestConfiguration(proxyBeanMethods = false)
    @Import(Fixtures.class)
    static class CleanDatabase {
        /** Tests start from an empty schema on PostgreSQL too, where the database outlives the run. */
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return (Flyway flyway) -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
