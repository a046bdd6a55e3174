package io.slotbridge.contracts.ops;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.DomainEvent;

/** {@code ops.status-reports.v1}: periodic health of each connection, for the console overview and alerts. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(ConnectionStatusReported.class)})
public sealed interface OpsReport extends DomainEvent permits ConnectionStatusReported {}
