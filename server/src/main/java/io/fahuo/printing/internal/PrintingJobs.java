package io.fahuo.printing.internal;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

/** The durable job that sends a print job to its printer. Data is {@code "<tenantId>:<printJobId>"}; the instance id is the print job id. */
public final class PrintingJobs {

    public static final TaskDescriptor<String> SEND_PRINT_JOB = TaskDescriptor.of("send-print-job", String.class);

    private PrintingJobs() {
    }

    public static String data(long tenantId, long jobId) {
        return tenantId + ":" + jobId;
    }

    static long tenantOf(String data) {
        return Long.parseLong(data.substring(0, data.indexOf(':')));
    }

    static long jobOf(String data) {
        return Long.parseLong(data.substring(data.indexOf(':') + 1));
    }
}
