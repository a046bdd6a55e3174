package io.slotbridge.crmconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.DistributionSummary;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.crmconnector.app.Chunks;
import io.slotbridge.crmconnector.app.CrmApiException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs many method calls through Bitrix24's {@code batch} (at most 50 per HTTP request, {@code halt=0}). The answer is
 * HTTP 200 even when commands fail: each command's error is in {@code result.result_error[key]}. Commands the portal
 * refused for the portal's rate limit are sent again, alone, after a pause; a command refused for its method's operating
 * time ({@code OPERATION_TIME_LIMIT}) parks that method, and commands of a parked method are not sent at all: their
 * outcome is {@link Bitrix24Errors.MethodParked}. Other errors are that command's outcome.
 */
final class Bitrix24Batch {

    static final int MAX_COMMANDS = 50;
    private static final Logger log = LoggerFactory.getLogger(Bitrix24Batch.class);

    /** One method call of a batch. */
    record Call(String method, ObjectNode params) {
        /** The command as {@code cmd} carries it: {@code method?php-query}. */
        String text() {
            return method + "?" + PhpQuery.encode(params);
        }
    }

    /** What one command returned: its {@code result}, or why it failed. */
    record Outcome(JsonNode result, CrmApiException failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    private final Bitrix24Http http;
    private final ObjectMapper json;
    private final int maxRounds;
    private final Duration firstPause;
    private final DistributionSummary batchSizes;
    private final Bitrix24MethodParking parking;

    Bitrix24Batch(
            Bitrix24Http http, ObjectMapper json, int maxRounds, Duration firstPause, DistributionSummary batchSizes) {
        this.http = http;
        this.json = json;
        this.maxRounds = maxRounds;
        this.firstPause = firstPause;
        this.batchSizes = batchSizes;
        this.parking = http.parking();
    }

    /** Every call's outcome by its key, in the order given; any number of calls, 50 per request. */
    Map<String, Outcome> run(Map<String, Call> calls) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, Call> sendable = new LinkedHashMap<>();
        calls.forEach((key, call) -> parking.refusal(call.method())
                .ifPresentOrElse(
                        parked -> outcomes.put(key, new Outcome(null, parked)), () -> sendable.put(key, call)));
        for (List<String> keys : Chunks.of(List.copyOf(sendable.keySet()), MAX_COMMANDS)) {
            Map<String, Call> chunk = new LinkedHashMap<>();
            keys.forEach(k -> chunk.put(k, sendable.get(k)));
            outcomes.putAll(runChunk(chunk));
        }
        Map<String, Outcome> ordered = new LinkedHashMap<>();
        calls.keySet().forEach(k -> ordered.put(k, outcomes.get(k)));
        return ordered;
    }

    private Map<String, Outcome> runChunk(Map<String, Call> calls) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, Call> pending = calls;
        for (int round = 1; !pending.isEmpty(); round++) {
            Map<String, Outcome> answered = send(pending);
            Map<String, Call> again = new LinkedHashMap<>();
            for (Map.Entry<String, Outcome> answer : answered.entrySet()) {
                if (!answer.getValue().succeeded()
                        && isTransient(answer.getValue().failure())) {
                    again.put(answer.getKey(), pending.get(answer.getKey()));
                }
                outcomes.put(answer.getKey(), answer.getValue());
            }
            if (again.isEmpty() || round >= maxRounds) {
                break;
            }
            log.warn(
                    "{} of {} batch command(s) hit a Bitrix24 limit ({}); sending them again, round {}",
                    again.size(),
                    pending.size(),
                    answered.get(again.keySet().iterator().next()).failure().reason(),
                    round + 1);
            pause(round);
            pending = again;
        }
        return outcomes;
    }

    /** The portal's rate limit or an outage: worth the same command again soon (a parked method is not). */
    private static boolean isTransient(CrmApiException failure) {
        return failure.retryable() && !(failure instanceof Bitrix24Errors.MethodParked);
    }

    private Map<String, Outcome> send(Map<String, Call> calls) {
        ObjectNode params = json.createObjectNode();
        params.put("halt", 0);
        ObjectNode cmd = params.putObject("cmd");
        calls.forEach((key, call) -> cmd.put(key, call.text()));
        batchSizes.record(calls.size());
        JsonNode answer = http.call("batch", params).path("result");
        // PHP sends an empty map as [], so both shapes are read as "key → value"
        JsonNode results = answer.path("result");
        JsonNode errors = answer.path("result_error");
        JsonNode times = answer.path("result_time");
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        calls.forEach((key, call) -> {
            JsonNode error = errors.isObject() ? errors.get(key) : null;
            if (error != null) {
                // each command counts against its own method's operating time, the batch itself does not
                CrmApiException failure = parking.judge(
                        call.method(),
                        Bitrix24Errors.failure(
                                call.method(),
                                200,
                                Bitrix24Errors.code(error),
                                error.path("error_description").asText(null)));
                outcomes.put(key, new Outcome(null, failure));
            } else if (results.isObject() && results.has(key)) {
                parking.observe(call.method(), times.isObject() ? times.get(key) : null);
                outcomes.put(key, new Outcome(results.get(key), null));
            } else {
                outcomes.put(
                        key,
                        new Outcome(
                                null,
                                new CrmApiException(
                                        RejectionCode.UNKNOWN,
                                        "Bitrix24 batch answered neither a result nor an error for " + call.method(),
                                        false,
                                        200)));
            }
        });
        return outcomes;
    }

    private void pause(int round) {
        long millis = Math.min(firstPause.toMillis() << Math.min(round - 1, 16), 30_000);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmApiException(RejectionCode.UNAVAILABLE, "interrupted between batch rounds", true, null);
        }
    }
}
