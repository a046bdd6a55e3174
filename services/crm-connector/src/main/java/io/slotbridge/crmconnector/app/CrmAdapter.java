package io.slotbridge.crmconnector.app;

import io.slotbridge.crmconnector.config.TenantSettings;

/** Opens accounts of one CRM kind ({@code amocrm}, {@code bitrix24}); one Spring bean per adapter. */
public interface CrmAdapter {

    /** The {@code crm.kind} value of the tenants file this adapter serves. */
    String kind();

    CrmAccount open(String tenant, TenantSettings settings);
}
