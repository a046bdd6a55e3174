package io.slotbridge.gateway.bitrix24.domain;

import java.util.Optional;

/** The latest verified application installation per tenant. */
@FunctionalInterface
public interface Bitrix24Installations {

    /** For sources and tests that know of no installation. */
    Bitrix24Installations NONE = tenant -> Optional.empty();

    Optional<Bitrix24Installation> find(String tenant);
}
