package io.slotbridge.contracts.crm;

import java.util.Objects;

/** A CRM user by id, with the name and e-mail the CRM knows (e-mail may be null). */
public record CrmUser(String id, String name, String email) {

    public CrmUser {
        Objects.requireNonNull(id, "id");
    }
}
