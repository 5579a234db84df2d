package io.fahuo.fulfilment.internal;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

/** The durable jobs of the pipeline. Data is {@code "<tenantId>:<id>"}; the instance id is the order or shipment id. */
public final class PipelineJobs {

    public static final TaskDescriptor<String> FULFIL_ORDER = TaskDescriptor.of("fulfil-order", String.class);
    public static final TaskDescriptor<String> CANCEL_WAYBILL = TaskDescriptor.of("cancel-waybill", String.class);
    public static final TaskDescriptor<String> RUN_BATCH = TaskDescriptor.of("run-batch", String.class);

    private PipelineJobs() {
    }

    public static String data(long tenantId, long id) {
        return tenantId + ":" + id;
    }

    public static long tenantOf(String data) {
        return Long.parseLong(data.substring(0, data.indexOf(':')));
    }

    public static long idOf(String data) {
        return Long.parseLong(data.substring(data.indexOf(':') + 1));
    }
}
