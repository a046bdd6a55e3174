package io.slotbridge.contracts.ingress;

/** Who sent a webhook to the gateway. */
public enum IngressSource {
    AMOCRM,
    BITRIX24,
    GOOGLE,
    WAZZUP
}
