package io.slotbridge.crmconnector.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTextTest {

    @Test
    void amocrm_validation_problems_name_the_item_the_path_and_the_detail() {
        String body = "{\"validation-errors\":[{\"request_id\":\"0\",\"errors\":[{\"code\":\"NotSupportedChoice\","
                + "\"path\":\"custom_fields_values.0.field_id\",\"detail\":\"The value you selected is not a valid choice.\"}]}],"
                + "\"title\":\"Bad Request\",\"type\":\"https://httpstatus.es/400\",\"status\":400,\"detail\":\"Request validation failed\"}";

        assertThat(ProblemText.describe(400, body))
                .isEqualTo(
                        "HTTP 400: Bad Request — Request validation failed — item 0: custom_fields_values.0.field_id: "
                                + "NotSupportedChoice (The value you selected is not a valid choice.)");
        assertThat(ProblemText.validationErrors(body)).singleElement().satisfies(e -> assertThat(e.requestId())
                .isEqualTo("0"));
    }

    @Test
    void the_nginx_block_page_is_named_by_its_title() {
        String html =
                "<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body><center><h1>403 Forbidden</h1></center></body></html>";

        assertThat(ProblemText.describe(403, html)).isEqualTo("HTTP 403 (HTML page: 403 Forbidden)");
    }

    @Test
    void an_oauth_refusal_keeps_its_hint() {
        String body = "{\"hint\":\"Token has been revoked\",\"title\":\"Некорректный запрос\",\"status\":401}";

        assertThat(ProblemText.describe(401, body)).contains("Token has been revoked");
    }
}
