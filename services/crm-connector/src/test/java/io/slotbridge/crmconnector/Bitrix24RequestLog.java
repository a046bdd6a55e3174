package io.slotbridge.crmconnector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a WireMock Bitrix24 portal was asked, read back for assertions: its requests in arrival order, the commands of
 * each {@code batch} call (URL-decoded, e.g. {@code crm.deal.update?id=1&fields[STAGE_ID]=…}), and the invariant of
 * the portal's leaky bucket.
 */
final class Bitrix24RequestLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bitrix24RequestLog() {}

    /** Every request to the portal, oldest first. */
    static List<ServeEvent> requests(WireMockServer server, String portal) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/bitrix24/" + portal + "/"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    /** The decoded commands of one {@code batch} request. */
    static List<String> commands(ServeEvent batch) {
        List<String> commands = new ArrayList<>();
        body(batch).path("cmd").forEach(c -> commands.add(URLDecoder.decode(c.asText(), StandardCharsets.UTF_8)));
        return commands;
    }

    /** Every batch command (decoded) of the portal that calls {@code method}. */
    static List<String> batchCalls(WireMockServer server, String portal, String method) {
        return requests(server, portal).stream()
                .filter(e -> e.getRequest().getUrl().equals(Bitrix24Stubs.rest(portal, "batch")))
                .flatMap(e -> commands(e).stream())
                .filter(c -> c.startsWith(method + "?"))
                .toList();
    }

    /** The JSON body of a request. */
    static JsonNode body(ServeEvent request) {
        try {
            return JSON.readTree(request.getRequest().getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The portal's bucket gains one per request and drains {@code rps} per second; it must never exceed its size.
     */
    static void assertLeakyBucketNeverOverflows(List<ServeEvent> requests, double rps, int size) {
        double level = 0;
        long previous = -1;
        for (ServeEvent e : requests) {
            long at = e.getRequest().getLoggedDate().getTime();
            if (previous >= 0) {
                level = Math.max(0, level - (at - previous) / 1000.0 * rps);
            }
            level += 1;
            previous = at;
            assertThat(level).as("portal bucket level").isLessThanOrEqualTo(size);
        }
    }
}
