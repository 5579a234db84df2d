package io.fahuo.platforms.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.fahuo.inventory.StockChanged;
import io.fahuo.platforms.StockPush;

/** Stock changes mark SKUs due for a push; the recurring job {@code stock-push} pushes what is due. */
@Configuration(proxyBeanMethods = false)
class StockPushJobs {

    @Bean
    RecurringTask<Void> stockPushTask(StockPush push, @Value("${fahuo.stock-push.poll:PT1S}") Duration poll) {
        return Tasks.recurring("stock-push", FixedDelay.of(poll)).execute((instance, ctx) -> push.pushDue());
    }

    @Component
    static class StockChanges {

        private final StockPush push;

        StockChanges(StockPush push) {
            this.push = push;
        }

        @ApplicationModuleListener
        void on(StockChanged event) {
            push.stockChanged(event.tenantId(), event.skuCode());
        }
    }
}
