package io.slotbridge.crmconnector.domain;

/** Phone numbers as the contracts carry them: digits only, international format without '+'. */
public final class Phones {

    private Phones() {}

    /**
     * Keeps digits only. A Russian domestic number written with the trunk prefix 8 (11 digits starting with 8) becomes
     * its international form starting with 7, which is how WhatsApp and telephony address it.
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = typed.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (digits.length() == 11 && digits.charAt(0) == '8') {
            return "7" + digits.substring(1);
        }
        return digits;
    }
}
