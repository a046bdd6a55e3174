package io.slotbridge.crmconnector;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.or;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.slotbridge.crmconnector.Bitrix24Stubs.batch;
import static io.slotbridge.crmconnector.Bitrix24Stubs.json;
import static io.slotbridge.crmconnector.Bitrix24Stubs.ok;
import static io.slotbridge.crmconnector.Bitrix24Stubs.rest;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.slotbridge.contracts.CommandOutcome;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.AddNote;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.crm.CrmCommandApplied;
import io.slotbridge.contracts.crm.CrmCommandResult;
import io.slotbridge.contracts.crm.MoveLeadToStage;
import io.slotbridge.crmconnector.store.TokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 500 commands for one OAuth portal ({@code it-b24-load}, bucket 4/s with room for 4): sent as {@code batch} calls of
 * at most 50, never more often than the configured leaky bucket allows (checked on WireMock's request log, not on
 * wall-clock time), every result on {@code crm.command-results.v1} once, and the access token expiring after the fifth
 * write batch: one refresh, the refused batch sent again with the new token, nothing lost, nothing applied twice.
 */
class Bitrix24LoadIT extends CrmConnectorIT {

    static final String TENANT = "it-b24-load";
    static final double RATE = 4.0;
    static final int BUCKET = 4;
    static final int MOVES = 450;
    static final int NOTES = 50;
    static final int BATCHES_BEFORE_EXPIRY = 5;

    static {
        Bitrix24Stubs.metadata(WIREMOCK, TENANT);
    }

    @Autowired
    TokenStore tokens;

    @Test
    void five_hundred_commands_go_out_in_batches_of_50_under_the_bucket_and_survive_a_token_expiry_mid_run() {
        tokens.save(
                "bitrix24", TENANT, "ACC-LOAD-1", "REF-LOAD-1", Instant.now().plusSeconds(3600), Instant.now());
        refreshGives("REF-LOAD-1", "ACC-LOAD-2", "REF-LOAD-2");
        portalAcceptsWrites();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<CrmCommand> commands = new ArrayList<>();
        for (int i = 0; i < MOVES; i++) {
            commands.add(new MoveLeadToStage(
                    run + "-m" + i,
                    TENANT,
                    String.valueOf(50_000 + i),
                    Instant.now(),
                    "sync",
                    null,
                    "Квалифицирован",
                    "Воронка"));
        }
        for (int i = 0; i < NOTES; i++) {
            commands.add(new AddNote(
                    run + "-n" + i,
                    TENANT,
                    String.valueOf(60_000 + i),
                    Instant.now(),
                    "followup",
                    null,
                    "Звонок " + i));
        }

        publishAll(Topics.CRM_COMMANDS, commands);

        Set<String> ids = commands.stream().map(CrmCommand::commandId).collect(Collectors.toSet());
        List<CrmCommandResult> results =
                kafka.await(Topics.CRM_COMMAND_RESULTS, r -> ids.contains(r.commandId()), 500, Duration.ofMinutes(3));
        assertThat(results).hasSize(500);
        assertThat(results.stream().map(CrmCommandResult::commandId).distinct()).hasSize(500);
        assertThat(results).allSatisfy(r -> assertThat(r)
                .isInstanceOfSatisfying(
                        CrmCommandApplied.class, a -> assertThat(a.outcome()).isEqualTo(CommandOutcome.APPLIED)));

        List<ServeEvent> portal = Bitrix24RequestLog.requests(WIREMOCK, TENANT);
        List<ServeEvent> writes = portal.stream()
                .filter(e -> e.getRequest().getBodyAsString().contains("crm.deal.update")
                        || e.getRequest().getBodyAsString().contains("crm.timeline.comment.add"))
                .toList();
        assertThat(writes)
                .allSatisfy(e -> assertThat(Bitrix24RequestLog.commands(e)).hasSizeBetween(1, 50));
        assertThat(writes).filteredOn(e -> e.getResponse().getStatus() == 401).hasSize(1);
        Map<String, Long> appliedPerLead = writes.stream()
                .filter(e -> e.getResponse().getStatus() == 200)
                .flatMap(e -> Bitrix24RequestLog.commands(e).stream())
                .collect(Collectors.groupingBy(
                        c -> c.replaceAll(".*[?&](?:id|fields\\[ENTITY_ID\\])=(\\d+).*", "$1"), Collectors.counting()));
        assertThat(appliedPerLead).hasSize(500).allSatisfy((lead, times) -> assertThat(times)
                .as("writes of lead " + lead)
                .isEqualTo(1L));
        WIREMOCK.verify(
                1,
                getRequestedFor(urlPathEqualTo(Bitrix24OAuthIT.TOKEN_PATH))
                        .withQueryParam("refresh_token", equalTo("REF-LOAD-1")));
        assertThat(tokens.find("bitrix24", TENANT).orElseThrow().refreshToken()).isEqualTo("REF-LOAD-2");
        Bitrix24RequestLog.assertLeakyBucketNeverOverflows(portal, RATE, BUCKET);
        System.out.printf(
                "Bitrix24LoadIT: 500 commands in %d portal requests (%d write batches), 1 token refresh%n",
                portal.size(), writes.size());
    }

    /**
     * Write batches answer every key they may carry; the first token works for five of them, then Bitrix24 answers 401
     * {@code expired_token} to it, and only the refreshed token works.
     */
    private static void portalAcceptsWrites() {
        String answer = batch(everyKey(i -> "true"), Map.of());
        String notes = batch(everyKey(i -> String.valueOf(90_000 + i)), Map.of());
        String state = Scenario.STARTED;
        for (int n = 1; n <= BATCHES_BEFORE_EXPIRY; n++) {
            String next = n == BATCHES_BEFORE_EXPIRY ? "expired" : "written-" + n;
            WIREMOCK.stubFor(writeBatch("ACC-LOAD-1")
                    .inScenario("load-token")
                    .whenScenarioStateIs(state)
                    .willReturn(ok(answer))
                    .willSetStateTo(next));
            state = next;
        }
        WIREMOCK.stubFor(writeBatch("ACC-LOAD-1")
                .inScenario("load-token")
                .whenScenarioStateIs("expired")
                .willReturn(json(401, Bitrix24Stubs.error("expired_token", "The access token provided has expired."))));
        WIREMOCK.stubFor(writeBatch("ACC-LOAD-2")
                .withRequestBody(containing("crm.deal.update"))
                .willReturn(ok(answer)));
        WIREMOCK.stubFor(writeBatch("ACC-LOAD-2")
                .withRequestBody(containing("crm.timeline.comment.add"))
                .willReturn(ok(notes)));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder writeBatch(String token) {
        return post(urlEqualTo(rest(TENANT, "batch")))
                .withRequestBody(matchingJsonPath("$.auth", equalTo(token)))
                .withRequestBody(or(containing("crm.deal.update"), containing("crm.timeline.comment.add")));
    }

    private static Map<String, String> everyKey(Function<Integer, String> result) {
        Map<String, String> results = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            results.put("k" + i, result.apply(i));
        }
        return results;
    }

    private static void refreshGives(String refresh, String access, String newRefresh) {
        WIREMOCK.stubFor(WireMock.get(urlPathEqualTo(Bitrix24OAuthIT.TOKEN_PATH))
                .withQueryParam("grant_type", equalTo("refresh_token"))
                .withQueryParam("refresh_token", equalTo(refresh))
                .willReturn(ok(Bitrix24Stubs.tokenAnswer(
                        "it-b24-load", "b2c3d4e5f60718293a4b5c6d7e8f9012", access, newRefresh))));
    }
}
