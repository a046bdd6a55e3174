package io.slotbridge.console.connection.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AdminApiClientTest {

    @Test
    void answers_become_page_text_with_problem_details_and_no_secrets() {
        ServiceAnswer ok =
                AdminApiClient.answer("crm-connector", 200, "{\"problems\":[]}".getBytes(StandardCharsets.UTF_8));
        ServiceAnswer problem = AdminApiClient.answer(
                "crm-connector",
                409,
                "{\"title\":\"Conflict\",\"detail\":\"refresh with Bearer abc.def failed\"}"
                        .getBytes(StandardCharsets.UTF_8));
        ServiceAnswer missing = AdminApiClient.answer("sync", 404, new byte[0]);
        ServiceAnswer refused = AdminApiClient.answer("sync", 401, new byte[0]);

        assertThat(ok.ok()).isTrue();
        assertThat(ok.body().path("problems").isArray()).isTrue();
        assertThat(problem.message()).isEqualTo("HTTP 409: refresh with Bearer *** failed");
        assertThat(missing.message()).isEqualTo("HTTP 404: the service does not offer this endpoint");
        assertThat(refused.message()).isEqualTo("HTTP 401: the service refused the console's admin token");
    }
}
