package io.slotbridge.local;

import java.util.List;
import java.util.stream.Collectors;

/** What a person needs once everything is up: where to look, how to log in, where the data is, how to stop. */
final class ReadyBanner {

    private ReadyBanner() {}

    static String of(RunningSlotbridge running, boolean demoTrafficOn) {
        Wiring wiring = running.wiring();
        LocalOptions options = running.options();
        StringBuilder text = new StringBuilder("\n");
        long seconds = (System.nanoTime() - running.startedNanos()) / 1_000_000_000;
        text.append("  Slotbridge is running (started in ")
                .append(seconds)
                .append(" s)")
                .append(
                        options.sandboxTenants()
                                ? " with the demo tenants on the sandbox"
                                : " with " + wiring.tenantsFile())
                .append("\n\n");
        line(text, "Console", running.url(Service.CONSOLE));
        if (options.sandboxTenants()) {
            line(text, "", "log in as operator / demo-operator (or viewer / demo-viewer to only look)");
        } else {
            line(
                    text,
                    "",
                    "log in as " + LocalSecrets.CONSOLE_USER + ", password in "
                            + wiring.secrets().consolePasswordFile());
        }
        line(text, "Sandbox", running.sandboxUrl() + "  (amoCRM leads and the Google calendars, live)");
        line(text, "Gateway", running.url(Service.GATEWAY) + "  (webhooks: /hooks/{amocrm,bitrix24,google,wazzup}/…)");
        text.append('\n');
        for (Service service : Service.values()) {
            line(
                    text,
                    service == Service.SANDBOX ? "Health" : "",
                    running.url(service) + "/actuator/health  " + service.id());
        }
        text.append('\n');
        line(text, "Kafka", running.kafkaBootstrapServers());
        line(text, "PostgreSQL", running.jdbcUrl() + "  (user postgres)");
        line(
                text,
                "Data",
                running.dataDir()
                        + (options.sandboxTenants()
                                ? "  (secrets kept; the demo database starts empty, like the sandbox)"
                                : "  (secrets and database kept across restarts)"));
        line(
                text,
                "Admin API",
                "Authorization: Bearer $(cat " + wiring.secrets().adminTokenFile() + ")");
        List<Provisioning.Step> notDone = running.provisioning().stream()
                .filter(step -> step.outcome() != Provisioning.Outcome.DONE)
                .toList();
        line(
                text,
                "Set-up",
                (running.provisioning().size() - notDone.size()) + " of "
                        + running.provisioning().size() + " steps done (webhooks, watch channels)"
                        + (notDone.isEmpty()
                                ? ""
                                : "; " + notDone.stream().map(Object::toString).collect(Collectors.joining("; "))));
        if (options.sandboxTenants()) {
            line(
                    text,
                    "Demo traffic",
                    demoTrafficOn
                            ? "on: people book, confirm, hold, cancel and move meetings every ~"
                                    + options.demoPace().toSeconds()
                                    + " s (--slotbridge.local.demo-traffic=false for a quiet system)"
                            : "off");
        }
        text.append("\n  Stop with Ctrl-C.\n");
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append("  ").append(String.format("%-13s", label)).append(value).append('\n');
    }
}
