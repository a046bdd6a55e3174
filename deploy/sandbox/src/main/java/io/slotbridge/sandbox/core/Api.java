package io.slotbridge.sandbox.core;

import java.util.Arrays;
import java.util.Optional;

/** The emulated third-party APIs, each under its own path prefix (DESIGN §8). */
public enum Api {
    AMOCRM("/amocrm/"),
    BITRIX24("/bitrix24/"),
    GOOGLE("/google/"),
    WAZZUP("/wazzup/");

    private final String prefix;

    Api(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** Lower-case name as used in control API paths ({@code /sandbox/faults/amocrm}). */
    public String id() {
        return name().toLowerCase();
    }

    public static Optional<Api> ofPath(String path) {
        return Arrays.stream(values())
                .filter(api -> path.startsWith(api.prefix))
                .findFirst();
    }

    public static Api ofId(String id) {
        return Arrays.stream(values())
                .filter(api -> api.id().equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown API '" + id + "'; expected one of amocrm, bitrix24, google, wazzup"));
    }
}
