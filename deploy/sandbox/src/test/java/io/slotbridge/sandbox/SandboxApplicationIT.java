package io.slotbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Started the way the local launcher starts it, beside other services in one JVM: through
 * {@link SandboxApplication#application()}, with a clock the launcher shares.
 */
class SandboxApplicationIT {

    @Test
    void starts_from_its_own_config_file_and_uses_the_clock_it_is_given() throws Exception {
        Clock shared = Clock.fixed(Instant.parse("2026-03-02T07:00:00Z"), ZoneOffset.UTC);
        try (ConfigurableApplicationContext context = SandboxApplication.application()
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("sharedClock", shared))
                .run("--server.port=0")) {
            assertThat(context.getBean(Clock.class)).isSameAs(shared);
            assertThat(context.getEnvironment().getProperty("slotbridge.sandbox.amocrm.requests-per-second"))
                    .isEqualTo("7");
            int port = ((ServletWebServerApplicationContext) context)
                    .getWebServer()
                    .getPort();

            HttpResponse<String> leads = get(port, "/amocrm/demo/api/v4/leads?filter[id][]=1");
            assertThat(leads.statusCode()).isEqualTo(204);
            HttpResponse<String> stats = get(port, "/sandbox/stats");
            assertThat(stats.body()).contains("\"amocrm\"");
            HttpResponse<String> calendar =
                    get(port, "/google/calendar/v3/calendars/kev-demo@group.calendar.google.com/events");
            // The listing's "updated" falls back to the shared clock's time when the calendar is empty.
            assertThat(calendar.body()).contains("\"updated\":\"2026-03-02T07:00:00.000Z\"");
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer sandbox-admin")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
