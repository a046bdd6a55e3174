package io.slotbridge.contracts.crm;

/** Which CRM a tenant runs. */
public enum CrmKind {
    AMOCRM,
    BITRIX24
}
