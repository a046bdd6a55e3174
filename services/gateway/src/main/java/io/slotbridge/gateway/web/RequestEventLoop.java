package io.slotbridge.gateway.web;

import java.util.Optional;
import java.util.concurrent.Executor;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.netty.Connection;

/**
 * The Netty event loop that owns a request's connection: the response is written there in any case, so finishing the
 * request on it saves the extra hand-over a worker thread would need. Empty for servers other than Reactor Netty.
 */
final class RequestEventLoop {

    private RequestEventLoop() {}

    static Optional<Executor> of(ServerHttpRequest request) {
        Object nativeRequest;
        try {
            nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        } catch (IllegalStateException e) {
            return Optional.empty(); // a mock request (WebTestClient bound to the application) has no server behind it
        }
        return nativeRequest instanceof Connection connection
                ? Optional.of(connection.channel().eventLoop())
                : Optional.empty();
    }
}
