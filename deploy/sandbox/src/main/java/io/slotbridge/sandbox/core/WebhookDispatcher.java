package io.slotbridge.sandbox.core;

import io.slotbridge.sandbox.SandboxProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends the emulated services' webhooks and push notifications, asynchronously like the real ones. Deliveries to one
 * target URL keep their order (one lane per target), different targets go in parallel. Fault injection may drop a
 * delivery; a failed delivery is logged and counted, never retried (Bitrix24 never retries, and consumers must cope
 * with loss anyway).
 */
@Component
public class WebhookDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** One outgoing HTTP POST. */
    public record Delivery(Api api, URI target, String contentType, byte[] body, Map<String, String> headers) {}

    private final ExecutorService[] lanes;
    private final ScheduledExecutorService timer;
    private final HttpClient http;
    private final Duration timeout;
    private final FaultRegistry faults;
    private final ApiStats stats;
    private final RequestLog requestLog;
    private final Clock clock;

    public WebhookDispatcher(
            SandboxProperties properties, FaultRegistry faults, ApiStats stats, RequestLog requestLog, Clock clock) {
        this.faults = faults;
        this.stats = stats;
        this.requestLog = requestLog;
        this.clock = clock;
        this.timeout = properties.webhookTimeout();
        this.lanes = new ExecutorService[properties.dispatcherThreads()];
        for (int i = 0; i < lanes.length; i++) {
            int lane = i;
            lanes[i] = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "sandbox-webhooks-" + lane));
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "sandbox-webhook-timer"));
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Queues the delivery (or drops it, when fault injection says so). */
    public void send(Delivery delivery) {
        if (faults.dropWebhook(delivery.api())) {
            stats.increment(delivery.api(), ApiStats.Counter.WEBHOOKS_DROPPED);
            log.info(
                    "dropped {} webhook to {} (fault injection)", delivery.api().id(), delivery.target());
            return;
        }
        lane(delivery.target()).execute(() -> deliverNow(delivery));
    }

    /** Runs a task after a pause (Wazzup's delivered/read statuses follow the message). */
    public void later(Runnable task, Duration delay) {
        timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Delivers synchronously (Wazzup's {@code {"test":true}} probe, whose answer decides the subscription).
     *
     * @return the receiver's HTTP status, or -1 when it could not be reached
     */
    public int deliverNow(Delivery delivery) {
        long started = System.nanoTime();
        int status = -1;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(delivery.target())
                    .timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
            if (delivery.contentType() != null) {
                request.header("Content-Type", delivery.contentType());
            }
            delivery.headers().forEach(request::header);
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status >= 200 && status < 300) {
                stats.increment(delivery.api(), ApiStats.Counter.WEBHOOKS_SENT);
            } else {
                stats.increment(delivery.api(), ApiStats.Counter.WEBHOOKS_FAILED);
                log.warn("{} webhook to {} answered {}", delivery.api().id(), delivery.target(), status);
            }
        } catch (IOException | IllegalArgumentException e) {
            stats.increment(delivery.api(), ApiStats.Counter.WEBHOOKS_FAILED);
            log.warn("{} webhook to {} failed: {}", delivery.api().id(), delivery.target(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            requestLog.add(new RequestLog.Entry(
                    clock.instant(),
                    delivery.api().id(),
                    "OUT POST",
                    delivery.target().toString(),
                    status,
                    (System.nanoTime() - started) / 1_000_000));
        }
        return status;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
    }

    private ExecutorService lane(URI target) {
        return lanes[Math.floorMod(target.toString().hashCode(), lanes.length)];
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
