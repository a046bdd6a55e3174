package io.slotbridge.console.connection.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.console.common.domain.SecretMasker;
import io.slotbridge.console.config.ConsoleProperties;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.platform.admin.AdminProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Calls the other services' admin APIs (docs/engineering.md "Admin API") with the shared admin bearer token. The
 * services may be down or not built yet: every failure becomes an answer the page shows, never an error page.
 */
@Component
public class AdminApiClient {

    private static final Logger log = LoggerFactory.getLogger(AdminApiClient.class);

    private final ConsoleProperties properties;
    private final String adminToken;
    private final RestClient http;

    public AdminApiClient(ConsoleProperties properties, AdminProperties admin, RestClient.Builder builder) {
        this.properties = properties;
        this.adminToken = admin.token();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.serviceTimeout())
                .build());
        requests.setReadTimeout(properties.serviceTimeout());
        this.http = builder.clone().requestFactory(requests).build();
    }

    public ServiceAnswer get(String service, String path, Object... uriVariables) {
        return call(HttpMethod.GET, service, path, uriVariables);
    }

    public ServiceAnswer post(String service, String path, Object... uriVariables) {
        return call(HttpMethod.POST, service, path, uriVariables);
    }

    private ServiceAnswer call(HttpMethod method, String service, String path, Object... uriVariables) {
        Optional<URI> base = properties.service(service);
        if (base.isEmpty()) {
            return ServiceAnswer.notConfigured(
                    service, "no base URL configured (slotbridge.console.services." + service + ")");
        }
        if (adminToken == null || adminToken.isBlank()) {
            return ServiceAnswer.notConfigured(service, "the admin token is not configured (SLOTBRIDGE_ADMIN_TOKEN)");
        }
        try {
            return http.method(method)
                    .uri(base.get() + path, uriVariables)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .exchange((request, response) -> answer(
                            service,
                            response.getStatusCode().value(),
                            response.getBody().readAllBytes()));
        } catch (RuntimeException e) {
            log.debug("{} {} {} unreachable: {}", method, service, path, e.toString());
            return ServiceAnswer.unreachable(service, service + " is unreachable at " + base.get());
        }
    }

    static ServiceAnswer answer(String service, int status, byte[] body) {
        JsonNode json = parse(body);
        if (status >= 200 && status < 300) {
            return ServiceAnswer.ok(service, status, json);
        }
        String message = "HTTP " + status;
        if (json != null && (json.hasNonNull("detail") || json.hasNonNull("title"))) {
            message += ": "
                    + json.path(json.hasNonNull("detail") ? "detail" : "title").asText();
        } else if (status == 404) {
            message += ": the service does not offer this endpoint";
        } else if (status == 401 || status == 403) {
            message += ": the service refused the console's admin token";
        }
        return ServiceAnswer.problem(service, status, SecretMasker.mask(message));
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return ContractJson.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
