package io.slotbridge.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a load balancer in front of the gateway replicas does (a Kubernetes Service, an nginx upstream): requests go
 * round-robin, and a request a replica cannot take (connection refused or reset: it is being killed) is tried on the
 * next one. amoCRM and Google see one webhook URL, as in production.
 */
final class FailoverProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "content-length",
            "host",
            "transfer-encoding",
            "expect",
            "upgrade",
            "keep-alive",
            "date",
            "from",
            "via",
            "warning");

    private final HttpServer server;
    private final List<Integer> backends;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong failovers = new AtomicLong();

    FailoverProxy(int port, List<Integer> backends) {
        this.backends = List.copyOf(backends);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::forward);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    long failovers() {
        return failovers.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int first = Math.floorMod(next.getAndIncrement(), backends.size());
        IOException last = null;
        for (int attempt = 0; attempt < backends.size() * 2; attempt++) {
            int backend = backends.get((first + attempt) % backends.size());
            try {
                HttpResponse<byte[]> response =
                        client.send(request(exchange, backend, body), HttpResponse.BodyHandlers.ofByteArray());
                reply(exchange, response);
                return;
            } catch (IOException e) {
                last = e;
                failovers.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        byte[] message = ("no gateway replica reachable: " + (last == null ? "interrupted" : last)).getBytes();
        exchange.sendResponseHeaders(502, message.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(message);
        }
    }

    private static HttpRequest request(HttpExchange exchange, int backend, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + backend + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(10))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    private static void reply(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
