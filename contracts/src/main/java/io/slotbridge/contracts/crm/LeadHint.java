package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.DomainEvent;
import io.slotbridge.contracts.LeadScoped;

/** {@code crm.lead-hints.v1}: a CRM said something about a lead changed. A notification, not the truth. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(LeadChangeNoticed.class)})
public sealed interface LeadHint extends DomainEvent, LeadScoped permits LeadChangeNoticed {}
