package io.slotbridge.followup.app;

/** WhatsApp chat ids are phones in digits only ({@code 79031234567}). */
final class Phones {

    private Phones() {}

    static String digits(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }
}
