package io.slotbridge.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.gateway.amocrm.domain.AmoCrmSource;
import io.slotbridge.gateway.bitrix24.domain.Bitrix24Source;
import io.slotbridge.gateway.config.GatewayProperties;
import io.slotbridge.gateway.config.GatewayTenants;
import io.slotbridge.gateway.google.domain.GoogleSource;
import io.slotbridge.gateway.ingest.domain.Outbound;
import io.slotbridge.gateway.ingest.domain.TenantCredentials;
import io.slotbridge.gateway.kafka.AckedPublisher;
import io.slotbridge.gateway.wazzup.domain.WazzupSource;
import io.slotbridge.platform.crypto.ChannelTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

/**
 * Random and mutated bodies, content types and headers against the whole HTTP pipeline: the gateway never answers
 * 5xx to bad input (Kafka always acknowledges here, so 503 is never legitimate), and whatever it publishes must
 * survive what the real producer does with it (JSON serialisation, key rule, CloudEvents headers).
 */
class GatewayFuzzTest {

    static final String AMO = "/hooks/amocrm/fuzz/amo-secret";
    static final String AMO_CHECKED = "/hooks/amocrm/fuzz-checked/amo-secret";
    static final String BITRIX = "/hooks/bitrix24/fuzz";
    static final String GOOGLE = "/hooks/google/fuzz";
    static final String WAZZUP = "/hooks/wazzup/fuzz/wazzup-secret";

    static final Set<Integer> ALLOWED = Set.of(200, 202, 401, 413, 415);

    static final List<String> FIXTURES = List.of(
            "amocrm/contact-update-1.txt",
            "amocrm/lead-delete-1.txt",
            "amocrm/lead-update-1.txt",
            "amocrm/status-change-2.txt",
            "bitrix24/lead-add-1.txt",
            "bitrix24/crm-contact-add-app-event-formurlencoded.txt",
            "wazzup/inbound-message-1.json",
            "wazzup/status-webhook.json.txt",
            "wazzup/test-webhook-on-subscribe.txt");

    /** Fragments that break parsers: brackets, escapes, separators, JSON punctuation, control and wide chars. */
    static final List<String> SPLINTERS = List.of(
            "[",
            "]",
            "[]",
            "[[[[",
            "]]",
            "%",
            "%5B",
            "%5D",
            "%25",
            "%FF%FE",
            "%zz",
            "&",
            "=",
            "&&==",
            "+",
            "{",
            "}",
            "\"",
            ":",
            ",",
            "[{",
            "null",
            "true",
            "\u0000",
            "\n",
            "é",
            "\uD83D\uDE00",
            "\uD800",
            "leads[status][0][id]=",
            "[linked_leads_id][",
            "messages",
            "\"messages\":{",
            "\"statuses\":[1]",
            "auth[application_token]=fuzz-token",
            "event=ONCRMDEALUPDATE",
            "data[FIELDS][ID]=",
            "account[subdomain]=other");

    static WebTestClient http;

    @BeforeContainer
    static void gateway() {
        ((Logger) LoggerFactory.getLogger(HookObserver.LOGGER)).setLevel(Level.ERROR);
        Map<String, TenantCredentials> tenants = Map.of(
                "fuzz",
                new TenantCredentials(
                        new TenantCredentials.Crm("amocrm", null, "amo-secret", "fuzz-token", null, "deal"),
                        new TenantCredentials.Calendar("push-secret"),
                        new TenantCredentials.Messaging(new TenantCredentials.Wazzup("wazzup-secret"))),
                "fuzz-checked",
                new TenantCredentials(
                        new TenantCredentials.Crm("amocrm", "anyor", "amo-secret", null, null, null), null, null));
        HookPipeline pipeline = new HookPipeline(
                new GatewayTenants(tenants),
                new GatewayProperties(DataSize.ofKilobytes(16), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                new ProducerLikePublisher(),
                new HookObserver(new SimpleMeterRegistry()),
                Clock.systemUTC());
        http = WebTestClient.bindToRouterFunction(HookRoutes.routes(
                        pipeline, new AmoCrmSource(), new Bitrix24Source(), new GoogleSource(), new WazzupSource()))
                .build();
    }

    @Property(tries = 300)
    void random_bytes_to_any_endpoint_never_get_a_5xx(
            @ForAll("endpoints") String endpoint,
            @ForAll("contentTypes") String contentType,
            @ForAll("bodies") byte[] body) {
        assertThat(post(endpoint, contentType, body)).isIn(ALLOWED);
    }

    @Property(tries = 700)
    void mutated_real_bodies_never_get_a_5xx(
            @ForAll("endpoints") String endpoint, @ForAll("mutatedFixtures") String body) {
        String contentType =
                endpoint.startsWith("/hooks/wazzup") ? "application/json" : "application/x-www-form-urlencoded";
        int status = post(endpoint, contentType, body.getBytes(StandardCharsets.UTF_8));

        assertThat(status).isIn(ALLOWED);
    }

    @Property(tries = 200)
    void random_google_headers_never_get_a_5xx(
            @ForAll("headerValues") String state,
            @ForAll("headerValues") String number,
            @ForAll("bodies") byte[] body) {
        int status = http.post()
                .uri(GOOGLE)
                .header("X-Goog-Channel-ID", "ch-1")
                .header("X-Goog-Channel-Token", ChannelTokens.tokenFor("push-secret", "fuzz", "ch-1"))
                .header("X-Goog-Resource-State", state)
                .header("X-Goog-Message-Number", number)
                .bodyValue(body)
                .exchange()
                .returnResult(byte[].class)
                .getStatus()
                .value();

        assertThat(status).isIn(200, 202);
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of(AMO, AMO_CHECKED, BITRIX, WAZZUP, GOOGLE);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(
                "application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=UTF-8",
                "application/json",
                "application/json; charset-utf-8",
                "text/plain",
                "");
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2048),
                Arbitraries.strings().ofMaxLength(1024).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(SPLINTERS).list().ofMaxSize(60).map(parts -> String.join("", parts)
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("sync", "exists", "not_exists", "-1", "99999999999999999999", "12****9"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> mutatedFixtures() {
        Arbitrary<String> fixture = Arbitraries.of(FIXTURES).map(f -> ProviderFixtures.body(f)
                .replace("o8kfcne3du24sfvoeahh43uf9oygu2x3", "fuzz-token")
                .replace("3c6c9248ec54af6bea1159b43ee0ab32", "fuzz-token"));
        Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(fixture, mutations).as((body, list) -> {
            String mutated = body;
            for (Mutation m : list) {
                mutated = m.apply(mutated);
            }
            return mutated;
        });
    }

    private Arbitrary<Mutation> mutation() {
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        return Arbitraries.oneOf(
                Combinators.combine(where, Arbitraries.of(SPLINTERS)).as(Mutation::insert),
                Combinators.combine(where, Arbitraries.integers().between(1, 64))
                        .as(Mutation::delete),
                Combinators.combine(where, Arbitraries.integers().between(1, 200))
                        .as(Mutation::duplicate),
                where.map(Mutation::truncate));
    }

    /** One edit of a body at a relative position, so it applies to bodies of any length. */
    interface Mutation {
        String apply(String body);

        static Mutation insert(double at, String splinter) {
            return body -> {
                int i = (int) (at * body.length());
                return body.substring(0, i) + splinter + body.substring(i);
            };
        }

        static Mutation delete(double at, int length) {
            return body -> {
                int i = (int) (at * body.length());
                return body.substring(0, i) + body.substring(Math.min(body.length(), i + length));
            };
        }

        static Mutation duplicate(double at, int length) {
            return body -> {
                int i = (int) (at * body.length());
                String piece = body.substring(i, Math.min(body.length(), i + length));
                return body.substring(0, i) + piece + piece + body.substring(i);
            };
        }

        static Mutation truncate(double at) {
            return body -> body.substring(0, (int) (at * body.length()));
        }
    }

    private static int post(String endpoint, String contentType, byte[] body) {
        WebTestClient.RequestBodySpec request = http.post().uri(endpoint);
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (endpoint.equals(GOOGLE)) {
            request.header("X-Goog-Channel-ID", "ch-1")
                    .header("X-Goog-Channel-Token", ChannelTokens.tokenFor("push-secret", "fuzz", "ch-1"))
                    .header("X-Goog-Resource-State", "exists");
        }
        return request.bodyValue(body)
                .exchange()
                .returnResult(byte[].class)
                .getStatus()
                .value();
    }

    /** Does to each record what the real producer does; a record it cannot handle would be a 503 in production. */
    static final class ProducerLikePublisher extends AckedPublisher {

        ProducerLikePublisher() {
            super(null);
        }

        @Override
        public Mono<Void> publishAll(List<Outbound> records, Duration ackTimeout) {
            List<String> problems = new ArrayList<>();
            for (Outbound out : records) {
                try {
                    ContractJson.toBytes(out.record());
                    CloudEvents.headers(out.record(), "gateway");
                    assertThat(out.record().kafkaKey()).startsWith(out.record().tenant() + ":");
                } catch (RuntimeException | AssertionError e) {
                    problems.add(e.toString());
                }
            }
            return problems.isEmpty() ? Mono.empty() : Mono.error(new IllegalStateException(problems.toString()));
        }
    }
}
