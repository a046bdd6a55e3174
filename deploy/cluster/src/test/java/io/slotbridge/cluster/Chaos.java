package io.slotbridge.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The crashes: one replica of each service after the other is killed with SIGKILL and started again (its partner
 * keeps working and takes over its partitions), then one Kafka broker is killed and restarted. Each step waits for
 * the restarted process to be healthy before the next, like an orchestrator restarting a crashed pod.
 */
final class Chaos implements Runnable {

    private final Fleet fleet;
    private final KafkaCluster kafka;
    private final Duration downtime;
    private final List<String> log = new ArrayList<>();
    private volatile int kills;
    private volatile Throwable failure;

    Chaos(Fleet fleet, KafkaCluster kafka, Duration downtime) {
        this.fleet = fleet;
        this.kafka = kafka;
        this.downtime = downtime;
    }

    @Override
    public void run() {
        try {
            for (String service : Fleet.SERVICES) {
                Replica victim = fleet.replica(service, 1);
                Instant start = Instant.now();
                victim.process().kill();
                kills++;
                JvmProcess.sleep(downtime);
                victim.process().start();
                victim.process().awaitHealthy(Duration.ofMinutes(6));
                note("kill -9 " + victim.name() + ", restarted healthy after "
                        + Duration.between(start, Instant.now()).toSeconds() + " s");
            }
            JvmProcess broker = kafka.node(1);
            Instant start = Instant.now();
            broker.kill();
            kills++;
            JvmProcess.sleep(downtime);
            broker.start();
            broker.awaitHealthy(Duration.ofMinutes(3));
            kafka.awaitBrokers(KafkaCluster.NODES, Duration.ofMinutes(3));
            note("kill -9 " + broker.name() + ", back in the cluster after "
                    + Duration.between(start, Instant.now()).toSeconds() + " s");
        } catch (Throwable t) {
            failure = t;
            note("chaos stopped: " + t);
        }
    }

    int kills() {
        return kills;
    }

    Throwable failure() {
        return failure;
    }

    synchronized List<String> log() {
        return List.copyOf(log);
    }

    private synchronized void note(String line) {
        log.add(line);
        System.out.println("[chaos] " + line);
    }
}
