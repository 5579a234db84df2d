package io.fahuo.shared.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * Cluster-safe jobs on db-scheduler. Modules contribute {@link Task} beans and schedule through
 * {@link SchedulerClient} (recurring tasks are started on every node and run on one at a time); both go through a transaction-aware data source, so a job scheduled inside a
 * business transaction exists exactly when that transaction commits. The scheduler starts once the
 * application is ready (migrations done) and stops with the context.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JobsConfiguration.class);

    @Bean
    @org.springframework.context.annotation.Primary
    SchedulerClient schedulerClient(DataSource dataSource) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource)).build();
    }

    @Bean
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, java.time.Clock clock,
                        @Value("${fahuo.scheduler.threads}") int threads,
                        @Value("${fahuo.scheduler.polling-interval}") Duration polling,
                        @Value("${fahuo.scheduler.heartbeat-interval}") Duration heartbeat,
                        @Value("${fahuo.scheduler.node-name:}") String nodeName) {
        List<RecurringTask<?>> recurring = new java.util.ArrayList<>();
        List<Task<?>> oneOff = new java.util.ArrayList<>();
        tasks.forEach(t -> {
            if (t instanceof RecurringTask<?> r) {
                recurring.add(r);
            } else {
                oneOff.add(t);
            }
        });
        var builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneOff)
                .threads(threads)
                .pollingInterval(polling)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(6)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(10))
                .alwaysPersistTimestampInUTC()
                // jobs fall due on the application's clock, the one their execution times are computed with
                .clock(clock::instant);
        if (!recurring.isEmpty()) {
            builder.startTasks(recurring);
        }
        if (!nodeName.isBlank()) {
            builder.schedulerName(new SchedulerName.Fixed(nodeName));
        }
        if (isPostgres(dataSource)) {
            // SELECT ... FOR UPDATE SKIP LOCKED: nodes claim disjoint batches of due work
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        return builder.build();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }

    @Bean
    SchedulerLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SchedulerLifecycle(scheduler);
    }

    static class SchedulerLifecycle {
        private final Scheduler scheduler;

        SchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            scheduler.start();
            log.info("job scheduler started");
        }

        @EventListener(ContextClosedEvent.class)
        void stop() {
            scheduler.stop();
        }
    }
}
