package io.fahuo.tracking.internal;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

/** The durable jobs of tracking. Data is {@code "<tenantId>:<parcelId>"}; the instance id is the parcel id. */
final class TrackingJobs {

    /** Subscribes a parcel with its courier, then asks about it now and then (the safety net under pushes). */
    static final TaskDescriptor<String> TRACK_PARCEL = TaskDescriptor.of("track-parcel", String.class);
    /** Stops a parcel whose order was cancelled after shipping. */
    static final TaskDescriptor<String> INTERCEPT_PARCEL = TaskDescriptor.of("intercept-parcel", String.class);

    private TrackingJobs() {
    }

    static String data(long tenantId, long parcelId) {
        return tenantId + ":" + parcelId;
    }

    static long tenantOf(String data) {
        return Long.parseLong(data.substring(0, data.indexOf(':')));
    }

    static long parcelOf(String data) {
        return Long.parseLong(data.substring(data.indexOf(':') + 1));
    }
}
