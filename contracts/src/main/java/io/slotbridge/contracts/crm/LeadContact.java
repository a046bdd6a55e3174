package io.slotbridge.contracts.crm;

/**
 * The lead's main contact.
 *
 * @param phone digits only, international format without '+', e.g. {@code 79031234567}; null when unknown
 */
public record LeadContact(String id, String name, String phone, String email) {}
