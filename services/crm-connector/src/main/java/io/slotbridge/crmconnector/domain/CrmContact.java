package io.slotbridge.crmconnector.domain;

import java.util.List;

/** A contact as the CRM returns it, with its phone numbers and e-mails as typed by people. */
public record CrmContact(String id, String name, List<String> phones, List<String> emails, List<String> leadIds) {

    public CrmContact {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
        leadIds = leadIds == null ? List.of() : List.copyOf(leadIds);
    }
}
