package io.slotbridge.cluster;

/** One running copy of a service: which service, which of its copies, where it listens, its JVM. */
record Replica(String service, int index, int port, JvmProcess process) {

    String name() {
        return service + "-" + index;
    }
}
