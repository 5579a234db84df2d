package io.fahuo.fulfilment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.fahuo.fulfilment.domain.Backoff;

/**
 * One durable job per order that walks it from PENDING to SHIPPED through {@link PipelineSteps}. A failed
 * run is retried with capped exponential back-off; a run that must wait (out of stock) is rescheduled.
 */
@Configuration(proxyBeanMethods = false)
class FulfilOrderJob {

    @Bean
    Task<String> fulfilOrderTask(PipelineSteps steps, Clock clock,
                                 @Value("${fahuo.pipeline.retry-first:PT2S}") Duration retryFirst,
                                 @Value("${fahuo.pipeline.retry-max:PT10M}") Duration retryMax) {
        Backoff backoff = new Backoff(retryFirst, retryMax);
        return Tasks.custom(PipelineJobs.FULFIL_ORDER)
                .onFailure((FailureHandler<String>) (complete, ops) -> ops.reschedule(complete,
                        clock.instant().plus(backoff.delay(complete.getExecution().consecutiveFailures))))
                .execute((instance, ctx) -> {
                    String data = instance.getData();
                    int attempt = ctx.getExecution().consecutiveFailures + 1;
                    PipelineSteps.Next next = steps.advance(PipelineJobs.tenantOf(data), PipelineJobs.idOf(data), attempt,
                            PipelineSteps.Goal.SHIPPED);
                    if (next instanceof PipelineSteps.WaitFor w) {
                        Instant at = clock.instant().plus(w.delay());
                        return (CompletionHandler<String>) (complete, ops) -> ops.reschedule(complete, at);
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }
}
