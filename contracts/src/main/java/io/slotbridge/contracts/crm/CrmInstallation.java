package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.DomainEvent;

/**
 * {@code crm.installations.v1}: CRM application installs and uninstalls the crm-connector verified, keyed by tenant
 * and compacted, so the latest record per tenant is its installation state. The gateway authenticates Bitrix24 events
 * with it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(CrmAppInstalled.class), @JsonSubTypes.Type(CrmAppUninstalled.class)})
public sealed interface CrmInstallation extends DomainEvent permits CrmAppInstalled, CrmAppUninstalled {}
