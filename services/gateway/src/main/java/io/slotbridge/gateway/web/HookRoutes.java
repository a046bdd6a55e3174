package io.slotbridge.gateway.web;

import io.slotbridge.gateway.amocrm.domain.AmoCrmSource;
import io.slotbridge.gateway.bitrix24.domain.Bitrix24Source;
import io.slotbridge.gateway.google.domain.GoogleSource;
import io.slotbridge.gateway.ingest.domain.WebhookSource;
import io.slotbridge.gateway.wazzup.domain.WazzupSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The webhook endpoints of DESIGN §8 as functional routes. They were an annotated controller; its per-request handler
 * lookup, argument resolution and return-value handling measured about a sixth of the gateway's event-loop CPU in
 * deploy/bench/ingest, for four fixed paths. Bodies are read by the pipeline itself, with the size limit applied.
 */
@Configuration(proxyBeanMethods = false)
public class HookRoutes {

    @Bean
    public RouterFunction<ServerResponse> hookRouterFunction(
            HookPipeline pipeline,
            AmoCrmSource amoCrm,
            Bitrix24Source bitrix24,
            GoogleSource google,
            WazzupSource wazzup) {
        return routes(pipeline, amoCrm, bitrix24, google, wazzup);
    }

    /** The routes without a Spring context, for tests that bind a client to them directly. */
    public static RouterFunction<ServerResponse> routes(
            HookPipeline pipeline,
            AmoCrmSource amoCrm,
            Bitrix24Source bitrix24,
            GoogleSource google,
            WazzupSource wazzup) {
        return RouterFunctions.route()
                .POST("/hooks/amocrm/{tenant}/{secret}", request -> handle(pipeline, amoCrm, request, true))
                .POST("/hooks/bitrix24/{tenant}", request -> handle(pipeline, bitrix24, request, false))
                .POST("/hooks/google/{tenant}", request -> handle(pipeline, google, request, false))
                .POST("/hooks/wazzup/{tenant}/{secret}", request -> handle(pipeline, wazzup, request, true))
                .build();
    }

    private static Mono<ServerResponse> handle(
            HookPipeline pipeline, WebhookSource source, ServerRequest request, boolean secretInPath) {
        String secret = secretInPath ? request.pathVariable("secret") : null;
        return pipeline.handle(
                        source,
                        request.pathVariable("tenant"),
                        secret,
                        request.exchange().getRequest())
                .flatMap(HookRoutes::answer);
    }

    private static Mono<ServerResponse> answer(ResponseEntity<Object> entity) {
        ServerResponse.BodyBuilder response =
                ServerResponse.status(entity.getStatusCode()).headers(headers -> headers.putAll(entity.getHeaders()));
        Object body = entity.getBody();
        return body == null ? response.build() : response.bodyValue(body);
    }
}
