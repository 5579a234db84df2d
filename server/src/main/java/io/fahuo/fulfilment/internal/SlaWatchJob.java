package io.fahuo.fulfilment.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.fahuo.fulfilment.Sla;

/** Raises and delivers SLA alerts; one node at a time runs it (a db-scheduler recurring task). */
@Configuration(proxyBeanMethods = false)
class SlaWatchJob {

    @Bean
    RecurringTask<Void> slaWatchTask(Sla sla, @Value("${fahuo.sla.watch-interval:PT1M}") Duration interval) {
        return Tasks.recurring("sla-watch", FixedDelay.of(interval)).execute((instance, ctx) -> {
            sla.raiseAlerts();
            sla.deliverAlerts();
        });
    }
}
