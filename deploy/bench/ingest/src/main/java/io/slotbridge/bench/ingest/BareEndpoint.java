package io.slotbridge.bench.ingest;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The ceiling: the same Reactor Netty + WebFlux stack, reading the body and answering 200 without any work. */
final class BareEndpoint {

    private BareEndpoint() {}

    static DisposableServer start() {
        RouterFunction<ServerResponse> route =
                RouterFunctions.route(POST("/bare"), request -> request.bodyToMono(byte[].class)
                        .then(ServerResponse.ok().bodyValue("{\"status\":\"accepted\"}")));
        ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(route));
        return HttpServer.create().host("127.0.0.1").port(0).handle(adapter).bindNow();
    }
}
