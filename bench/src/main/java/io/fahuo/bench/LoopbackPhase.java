package io.fahuo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine's loopback HTTP limit: a trivial endpoint of the same server (the liveness probe, no database)
 * hammered with the JDK HttpClient Fahuo's connectors use, from as many threads as Fahuo runs jobs (16).
 */
final class LoopbackPhase {

    static final int THREADS = 16;

    static void run(Run run) throws Exception {
        HttpClient client = Api.client();
        HttpRequest request = HttpRequest.newBuilder(URI.create(run.api.base + "/actuator/health/liveness")).GET().build();
        hammer(client, request, Duration.ofSeconds(2));
        long t0 = System.nanoTime();
        long n = hammer(client, request, Duration.ofSeconds(6));
        double perSecond = n / ((System.nanoTime() - t0) / 1e9);
        run.loopbackPerSecond = perSecond;
        run.add(Figure.more("pipeline", "loopback.rps", "Loopback HTTP round trips (16 threads, JDK HttpClient)", perSecond, "req/s")
                .note("the limit the pipeline figures stand beside"));
    }

    private static long hammer(HttpClient client, HttpRequest request, Duration duration) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            done.incrementAndGet();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        return done.get();
    }
}
