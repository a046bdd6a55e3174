package io.slotbridge.local.people;

import java.time.Instant;
import java.util.List;

/**
 * A sales team member working in a tenant's CRM — amoCRM ({@link AmoCrmPerson}) or Bitrix24 ({@link Bitrix24Person})
 * — as the meeting and follow-up scenarios need one: what they do on a lead's card and what they read back. Stages,
 * fields, list items, users and loss reasons are named as people see them, never by ids.
 */
public interface CrmPerson {

    /**
     * Creates the client as a contact with a phone and a lead (Bitrix24: a deal) for them in the first stage, owned by
     * the user named {@code responsible}; returns the lead's id.
     */
    long createLead(String title, String clientName, String phone, String responsible);

    /**
     * Stage {@code 5. Встреча назначена} with the meeting's time, expert, category and the client's goal (category and
     * goal may be null: left empty).
     */
    void book(long leadId, Instant time, String expert, String category, String goal);

    /** Moves the lead to the stage named as people see it, e.g. {@code Квалифицирован}. */
    void moveTo(long leadId, String stage);

    /** A new value of {@code Дата и время встречи} only. */
    void setMeetingTime(long leadId, Instant time);

    /** Closes the lead lost with the reason. */
    void closeLost(long leadId, String lossReason);

    /** The card as the person reads it, null when the lead is gone. */
    LeadCard read(long leadId);

    /** Texts of the lead's notes (Bitrix24: timeline comments), oldest first. */
    List<String> notes(long leadId);

    /** Texts of the lead's tasks (Bitrix24: to-do activities), e.g. the follow-up's call tasks. */
    List<String> tasks(long leadId);
}
