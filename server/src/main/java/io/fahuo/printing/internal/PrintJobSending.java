package io.fahuo.printing.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.fahuo.orders.OrderProgress;
import io.fahuo.orders.domain.TimelineEntry.Outcome;
import io.fahuo.printing.PrinterException;
import io.fahuo.printing.Printers;
import io.fahuo.printing.domain.PrintJob;
import io.fahuo.printing.domain.PrintJobStatus;
import io.fahuo.printing.domain.PrintedLabel;
import io.fahuo.printing.domain.Printer;
import io.fahuo.shipments.Shipments;
import io.fahuo.shipments.domain.Shipment;

/**
 * Sends queued print jobs to their printers, as durable jobs: a job exists exactly when its print job
 * committed, survives restarts, and is retried with exponential back-off until the attempts run out; then
 * the print job is FAILED with the last error, which names the printer. Each order's timeline tells whether
 * its label went out.
 * <p>
 * Raw printers acknowledge nothing, so a crash between the write and the commit sends the job again: a label
 * may come out twice, never not at all.
 */
@Configuration(proxyBeanMethods = false)
class PrintJobSending {

    private static final Logger log = LoggerFactory.getLogger(PrintJobSending.class);

    @Bean
    Task<String> sendPrintJobTask(Sender sender, @Value("${fahuo.printing.retry-first:PT2S}") Duration retryFirst) {
        return Tasks.oneTime(PrintingJobs.SEND_PRINT_JOB)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(retryFirst, 2.0))
                .execute((instance, ctx) -> sender.send(PrintingJobs.tenantOf(instance.getData()), PrintingJobs.jobOf(instance.getData()),
                        ctx.getExecution().consecutiveFailures + 1));
    }

    @Bean
    Sender printJobSender(PrintJobStore store, Printers printers, JobDocuments documents, Shipments shipments, OrderProgress progress,
                          RawPrinterClient client, @Value("${fahuo.printing.send-attempts:5}") int attempts) {
        return new Sender(store, printers, documents, shipments, progress, client, attempts);
    }

    record Sender(PrintJobStore store, Printers printers, JobDocuments documents, Shipments shipments, OrderProgress progress,
                  RawPrinterClient client, int maxAttempts) {

        void send(long tenantId, long jobId, int attempt) {
            Optional<PrintJob> found = store.find(tenantId, jobId);
            if (found.isEmpty() || found.get().status() != PrintJobStatus.QUEUED || found.get().printerId() == null) {
                return;
            }
            PrintJob job = found.get();
            Printer printer = printers.get(tenantId, job.printerId());
            JobDocuments.Rendered rendered;
            try {
                rendered = documents.render(job);
            } catch (RuntimeException e) {
                fail(job, "the labels cannot be rendered: " + e.getMessage(), true, attempt);
                return;
            }
            if (rendered.bytes() == null) {
                fail(job, "every label is void: " + rendered.voidNote(), true, attempt);
                return;
            }
            try {
                client.send(printer, rendered.bytes());
            } catch (PrinterException e) {
                boolean giveUp = attempt >= maxAttempts;
                fail(job, e.getMessage(), giveUp, attempt);
                if (giveUp) {
                    log.warn("print job {} failed after {} attempts: {}", jobId, attempt, e.getMessage());
                    return;
                }
                throw e;
            }
            if (store.markSent(tenantId, jobId, rendered.voidNote())) {
                timeline(job.tenantId(), rendered.printed(), Outcome.OK, "label printed on " + printer.describe() + " (print job " + jobId
                        + (job.reprintReason() == null ? "" : ", reprint: " + job.reprintReason()) + ")", attempt);
            }
        }

        private void fail(PrintJob job, String error, boolean giveUp, int attempt) {
            store.recordFailure(job.tenantId(), job.id(), error, giveUp);
            timeline(job.tenantId(), job.labels(), Outcome.ERROR, (giveUp ? "label not printed, print job " + job.id() + " failed: "
                    : "print job " + job.id() + " attempt " + attempt + ": ") + error, attempt);
        }

        private void timeline(long tenantId, List<PrintedLabel> labels, Outcome outcome, String message, int attempt) {
            Map<Long, Shipment> byId = shipments.byIds(tenantId, labels.stream().map(PrintedLabel::shipmentId).toList());
            byId.values().forEach(s -> progress.record(tenantId, s.orderId(), "PRINT", outcome, message, attempt));
        }
    }
}
