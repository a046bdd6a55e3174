package io.slotbridge.sandbox.core;

import jakarta.servlet.http.HttpServletRequest;

/** The token of an {@code Authorization: Bearer …} header. */
public final class Bearer {

    private Bearer() {}

    /** The token, or null without a bearer header. */
    public static String token(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }
}
