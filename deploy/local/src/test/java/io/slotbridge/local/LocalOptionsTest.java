package io.slotbridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalOptionsTest {

    @Test
    void defaultsAreThePinnedPortsTheDataDirectoryAndDemoTraffic() {
        LocalOptions options = LocalOptions.parse();

        assertThat(options.ports()).isEqualTo(Ports.defaults());
        assertThat(options.ports().of(Service.GATEWAY)).isEqualTo(8080);
        assertThat(options.ports().of(Service.CONSOLE)).isEqualTo(8090);
        assertThat(options.ports().of(Service.SANDBOX)).isEqualTo(8070);
        assertThat(options.demoTraffic()).isTrue();
        assertThat(options.sandboxTenants()).isTrue();
        assertThat(options.dataDirPath().getFileName()).hasToString(".slotbridge");
    }

    @Test
    void ownOptionsAreBoundAndEveryOtherArgumentGoesToTheServices() {
        LocalOptions options = LocalOptions.parse(
                "--slotbridge.local.demo-traffic=false",
                "--slotbridge.local.demo-pace=2s",
                "--slotbridge.local.ports.gateway=18080",
                "--slotbridge.crm-connector.sweep.interval=1m");

        assertThat(options.demoTraffic()).isFalse();
        assertThat(options.demoPace()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.ports().gateway()).isEqualTo(18080);
        assertThat(options.ports().console()).isEqualTo(8090);
        assertThat(options.properties()).containsEntry("slotbridge.crm-connector.sweep.interval", "1m");
    }

    @Test
    void aMistypedOptionOfTheLauncherIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> LocalOptions.parse("--slotbridge.local.demo-trafic=false"))
                .hasStackTraceContaining("demo-trafic");
        assertThatThrownBy(() -> LocalOptions.parse("demo-traffic=false"))
                .hasMessageContaining("--slotbridge.local.data-dir=");
        assertThatThrownBy(() -> LocalOptions.parse("--slotbridge.local.partitions=0"))
                .hasStackTraceContaining("partitions must be at least 1");
    }

    @Test
    void testOptionsUseFreePortsAndNoDemoTraffic() {
        LocalOptions options = LocalOptions.forTests(java.nio.file.Path.of("target", "options-test"));

        assertThat(options.demoTraffic()).isFalse();
        assertThat(options.ports().gateway()).isNotEqualTo(8080);
        assertThat(options.kafkaPort()).isNotEqualTo(9092);
    }
}
