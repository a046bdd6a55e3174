package io.slotbridge.console.deadletter.domain;

import io.slotbridge.console.common.domain.SecretMasker;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** What a person sees of a dead letter's payload: its text with secrets masked, or a note that it is binary. */
public final class PayloadPreview {

    static final int LIMIT = 64 * 1024;

    private PayloadPreview() {}

    public static String of(byte[] payload) {
        if (payload == null) {
            return "(no payload: tombstone)";
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
            String masked = SecretMasker.mask(text);
            return masked.length() <= LIMIT
                    ? masked
                    : masked.substring(0, LIMIT) + "\n… (" + (masked.length() - LIMIT) + " more characters)";
        } catch (CharacterCodingException e) {
            return "(binary payload, " + payload.length + " bytes, not valid UTF-8)";
        }
    }
}
