#!/bin/sh
# Creates every Slotbridge topic and its dead-letter topic (the contracts' Topics catalogue) on a Kafka cluster whose
# brokers do not auto-create topics. Idempotent: existing topics are left as they are (partitions can only grow:
# kafka-topics.sh --alter). docker compose runs it once before the services start (service `kafka-topics`);
# elsewhere run it with the Kafka distribution's bin directory on PATH or in KAFKA_BIN.
#
# TopicCatalogueScriptTest keeps the list below equal to Topics.ALL (names and partitions); change the catalogue,
# then this list, never one without the other.
#
# Environment: KAFKA_BOOTSTRAP (host:port), TOPIC_REPLICATION_FACTOR (3 on a real cluster), TOPIC_MIN_INSYNC_REPLICAS
# (2 with three replicas, so acks=all survives one broker down), KAFKA_BIN (default /opt/kafka/bin).
set -eu

bootstrap="${KAFKA_BOOTSTRAP:?KAFKA_BOOTSTRAP must name the brokers, e.g. kafka:19092}"
replicas="${TOPIC_REPLICATION_FACTOR:-1}"
min_isr="${TOPIC_MIN_INSYNC_REPLICAS:-1}"
bin="${KAFKA_BIN:-/opt/kafka/bin}"

# create_topic NAME PARTITIONS [compact]: a compacted topic keeps the latest record per key for ever; its dead-letter
# topic is never compacted (dead letters expire like any other).
create_topic() {
  name="$1"
  partitions="$2"
  policy="${3:-delete}"
  for topic in "$name" "$name-dlt"; do
    [ "$topic" = "$name" ] && cleanup="$policy" || cleanup=delete
    "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$topic" \
      --partitions "$partitions" --replication-factor "$replicas" --config "min.insync.replicas=$min_isr" \
      --config "cleanup.policy=$cleanup"
  done
}

create_topic crm.lead-hints.v1 6
create_topic crm.lead-events.v1 6
create_topic crm.commands.v1 6
create_topic crm.command-results.v1 6
create_topic crm.installations.v1 1 compact
create_topic calendar.notifications.v1 6
create_topic calendar.slot-events.v1 6
create_topic calendar.commands.v1 6
create_topic calendar.command-results.v1 6
create_topic meeting.events.v1 6
create_topic messaging.inbound.v1 6
create_topic followup.events.v1 6
create_topic ingress.raw.v1 3
create_topic sync.decisions.v1 6
create_topic ops.status-reports.v1 1

"$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --list
