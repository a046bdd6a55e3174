package io.slotbridge.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What the administrator does once the services run (docs/engineering.md, admin API): install the amoCRM webhooks,
 * open the Google watch channel, subscribe the Wazzup webhooks. Any replica answers; a failure fails the test.
 */
final class AdminApi {

    private final String adminToken;
    private final HttpClient http = Http.client();

    AdminApi(String adminToken) {
        this.adminToken = adminToken;
    }

    void connectTenant(Fleet fleet, String tenant) {
        post(fleet.replica("crm-connector", 1), "/admin/tenants/" + tenant + "/webhooks");
        post(fleet.replica("calendar-connector", 1), "/admin/tenants/" + tenant + "/watch");
        post(fleet.replica("followup", 1), "/admin/tenants/" + tenant + "/wazzup/webhooks");
    }

    private void post(Replica replica, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + adminToken)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        replica.name() + " POST " + path + " -> " + response.statusCode() + ": " + response.body());
            }
            System.out.println("[admin] " + replica.name() + " POST " + path + " -> " + response.statusCode());
        } catch (IOException e) {
            throw new IllegalStateException(replica.name() + " POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
