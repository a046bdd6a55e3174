package io.slotbridge.gateway.ingest.domain;

import io.slotbridge.contracts.ingress.RawWebhookReceived;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** Builds the {@code ingress.raw.v1} record of a request: the exact body, headers without credentials. */
public final class RawArchive {

    public static final String UTF_8 = "utf-8";
    public static final String BASE64 = "base64";

    private RawArchive() {}

    /**
     * @param body the body as it may be archived (credentials already replaced)
     * @param problem why it could not be parsed, or null
     */
    public static RawWebhookReceived record(HookRequest request, byte[] body, String problem) {
        String text = asText(body);
        return new RawWebhookReceived(
                request.rawEventId(),
                request.tenant(),
                request.receivedAt(),
                request.source(),
                request.method() == null ? "POST" : request.method().toUpperCase(Locale.ROOT),
                request.maskedPath(),
                request.headers().withoutCredentials(),
                request.contentType(),
                text != null ? text : Base64.getEncoder().encodeToString(body),
                text != null ? UTF_8 : BASE64,
                request.providerRequestId(),
                problem);
    }

    /**
     * The body as text when it is valid UTF-8 without control characters (other than tab and line breaks); null
     * otherwise. Control characters would grow sixfold as JSON escapes, base64 grows by a third.
     */
    static String asText(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return null;
            }
        }
        return text;
    }
}
