package io.slotbridge.gateway.web;

import io.slotbridge.gateway.amocrm.domain.AmoCrmSource;
import io.slotbridge.gateway.bitrix24.domain.Bitrix24Source;
import io.slotbridge.gateway.google.domain.GoogleSource;
import io.slotbridge.gateway.wazzup.domain.WazzupSource;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The webhook endpoints of DESIGN §8. Bodies are read by the pipeline itself, with the size limit applied. */
@RestController
@RequestMapping("/hooks")
public class HookController {

    private final HookPipeline pipeline;
    private final AmoCrmSource amoCrm;
    private final Bitrix24Source bitrix24;
    private final GoogleSource google;
    private final WazzupSource wazzup;

    public HookController(
            HookPipeline pipeline,
            AmoCrmSource amoCrm,
            Bitrix24Source bitrix24,
            GoogleSource google,
            WazzupSource wazzup) {
        this.pipeline = pipeline;
        this.amoCrm = amoCrm;
        this.bitrix24 = bitrix24;
        this.google = google;
        this.wazzup = wazzup;
    }

    @PostMapping("/amocrm/{tenant}/{secret}")
    public Mono<ResponseEntity<Object>> amoCrm(
            @PathVariable String tenant, @PathVariable String secret, ServerHttpRequest request) {
        return pipeline.handle(amoCrm, tenant, secret, request);
    }

    @PostMapping("/bitrix24/{tenant}")
    public Mono<ResponseEntity<Object>> bitrix24(@PathVariable String tenant, ServerHttpRequest request) {
        return pipeline.handle(bitrix24, tenant, null, request);
    }

    @PostMapping("/google/{tenant}")
    public Mono<ResponseEntity<Object>> google(@PathVariable String tenant, ServerHttpRequest request) {
        return pipeline.handle(google, tenant, null, request);
    }

    @PostMapping("/wazzup/{tenant}/{secret}")
    public Mono<ResponseEntity<Object>> wazzup(
            @PathVariable String tenant, @PathVariable String secret, ServerHttpRequest request) {
        return pipeline.handle(wazzup, tenant, secret, request);
    }
}
