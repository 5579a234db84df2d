package io.fahuo.couriers.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.fahuo.couriers.WaybillBalances;

/** Asks every account's courier for its waybill balance now and then (面单余额), raising alerts on the way. */
@Configuration(proxyBeanMethods = false)
class BalanceCheckJob {

    @Bean
    RecurringTask<Void> waybillBalanceCheck(WaybillBalances balances,
                                             @Value("${fahuo.couriers.balance-check-interval:PT1H}") Duration interval) {
        return Tasks.recurring("waybill-balance-check", FixedDelay.of(interval)).execute((instance, ctx) -> balances.checkAll());
    }
}
