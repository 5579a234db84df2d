package io.fahuo.tracking.internal;

import java.time.Clock;

import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

import io.fahuo.tracking.domain.TrackedParcel;

/** Starts a parcel's jobs (inside the caller's transaction, so they exist exactly when it commits). */
@Component
public class TrackingJobRequests {

    private final SchedulerClient jobs;
    private final Clock clock;

    TrackingJobRequests(SchedulerClient jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    public void trackNow(TrackedParcel p) {
        start(TrackingJobs.TRACK_PARCEL, p);
    }

    void interceptNow(TrackedParcel p) {
        start(TrackingJobs.INTERCEPT_PARCEL, p);
    }

    private void start(TaskDescriptor<String> task, TrackedParcel p) {
        jobs.scheduleIfNotExists(task.instance(Long.toString(p.id())).data(TrackingJobs.data(p.tenantId(), p.id()))
                .scheduledTo(clock.instant()));
    }
}
