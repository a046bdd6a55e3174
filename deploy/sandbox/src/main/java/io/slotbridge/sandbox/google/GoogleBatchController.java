package io.slotbridge.sandbox.google;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Google's batch endpoint {@code POST /batch/calendar/v3}: a {@code multipart/mixed} body of {@code application/http}
 * parts, each a whole HTTP request; the answer is a {@code multipart/mixed} body of their responses in order. Each
 * inner request is replayed against this sandbox over loopback, so it is authenticated, rate limited, fault-injected
 * and counted like a single call — Google also counts every inner call against quota.
 */
@RestController
public class GoogleBatchController {

    private static final int MAX_PARTS = 1000;
    private static final String CRLF = "\r\n";
    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "content-length", "connection", "expect", "upgrade");

    /** One inner request of the batch. */
    private record Part(String contentId, String method, String path, Map<String, String> headers, byte[] body) {}

    private final HttpClient loopback =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @PostMapping("/google/batch/calendar/v3")
    public ResponseEntity<byte[]> batch(
            @RequestHeader(value = "Content-Type", required = false) String contentType,
            @RequestHeader(value = "Authorization", required = false) String authorization,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request)
            throws IOException, InterruptedException {
        String boundary = boundary(contentType);
        if (boundary == null || body == null) {
            throw GoogleErrors.invalid("Batch requests need a multipart/mixed body with a boundary.");
        }
        List<Part> parts = parse(new String(body, StandardCharsets.ISO_8859_1), boundary);
        if (parts.size() > MAX_PARTS) {
            throw GoogleErrors.invalid("A batch request may contain at most " + MAX_PARTS + " calls.");
        }
        String answerBoundary = "batch_" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        for (Part part : parts) {
            HttpResponse<byte[]> response = forward(part, authorization, request.getLocalPort());
            write(
                    answer,
                    "--" + answerBoundary + CRLF
                            + "Content-Type: application/http" + CRLF
                            + "Content-ID: <response-" + part.contentId() + ">" + CRLF + CRLF
                            + "HTTP/1.1 " + response.statusCode() + " " + reason(response.statusCode()) + CRLF);
            String innerType = response.headers().firstValue("Content-Type").orElse(null);
            if (innerType != null) {
                write(answer, "Content-Type: " + innerType + CRLF);
            }
            write(answer, "Content-Length: " + response.body().length + CRLF + CRLF);
            answer.write(response.body());
            write(answer, CRLF);
        }
        write(answer, "--" + answerBoundary + "--" + CRLF);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("multipart/mixed; boundary=" + answerBoundary))
                .body(answer.toByteArray());
    }

    private HttpResponse<byte[]> forward(Part part, String authorization, int port)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + part.path()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        part.method(),
                        part.body().length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(part.body()));
        part.headers().forEach((name, value) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, value);
            }
        });
        if (authorization != null && part.headers().keySet().stream().noneMatch("authorization"::equalsIgnoreCase)) {
            request.header("Authorization", authorization);
        }
        return loopback.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Splits the body at the boundary; bytes are kept as ISO-8859-1 characters so bodies pass through unchanged. */
    private static List<Part> parse(String body, String boundary) {
        List<Part> parts = new ArrayList<>();
        String delimiter = "--" + boundary;
        int index = 0;
        for (String chunk : body.split(java.util.regex.Pattern.quote(delimiter))) {
            String trimmed =
                    chunk.startsWith(CRLF) ? chunk.substring(2) : chunk.startsWith("\n") ? chunk.substring(1) : chunk;
            if (trimmed.isBlank() || trimmed.startsWith("--")) {
                continue;
            }
            index++;
            int headersEnd = blankLine(trimmed, 0);
            Map<String, String> partHeaders = headers(trimmed.substring(0, headersEnd));
            String http = trimmed.substring(skipBlank(trimmed, headersEnd));
            int lineEnd = http.indexOf('\n');
            String[] requestLine = http.substring(0, lineEnd).strip().split(" ");
            if (requestLine.length < 2) {
                throw GoogleErrors.invalid("Batch part " + index + " has no request line.");
            }
            int innerHeadersEnd = blankLine(http, lineEnd + 1);
            Map<String, String> innerHeaders = headers(http.substring(lineEnd + 1, innerHeadersEnd));
            String content = http.substring(Math.min(http.length(), skipBlank(http, innerHeadersEnd)));
            if (content.endsWith(CRLF)) {
                content = content.substring(0, content.length() - 2);
            } else if (content.endsWith("\n")) {
                content = content.substring(0, content.length() - 1);
            }
            String contentId = partHeaders
                    .getOrDefault("content-id", String.valueOf(index))
                    .replaceAll("[<>]", "");
            parts.add(new Part(
                    contentId,
                    requestLine[0].toUpperCase(Locale.ROOT),
                    sandboxPath(requestLine[1]),
                    innerHeaders,
                    content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }

    /** {@code http://host/google/calendar/v3/…} or {@code /calendar/v3/…} → {@code /google/calendar/v3/…}. */
    private static String sandboxPath(String target) {
        String path =
                target.startsWith("http") ? target.substring(target.indexOf('/', target.indexOf("//") + 2)) : target;
        if (!path.startsWith("/google/")) {
            path = "/google" + path;
        }
        if (!path.startsWith("/google/calendar/v3/")) {
            throw GoogleErrors.invalid("Batch part targets " + target + ", not the Calendar API.");
        }
        return path;
    }

    /** Index of the blank line that ends the headers starting at {@code from} (the text's end when there is none). */
    private static int blankLine(String text, int from) {
        int crlf = text.indexOf(CRLF + CRLF, from);
        int lf = text.indexOf("\n\n", from);
        if (crlf >= 0 && (lf < 0 || crlf <= lf)) {
            return crlf;
        }
        return lf >= 0 ? lf : text.length();
    }

    private static int skipBlank(String text, int at) {
        if (text.startsWith(CRLF + CRLF, at)) {
            return at + 4;
        }
        if (text.startsWith("\n\n", at)) {
            return at + 2;
        }
        return at;
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }
        Map<String, String> lowerKeys = new LinkedHashMap<>();
        headers.forEach((k, v) -> lowerKeys.put(k.toLowerCase(Locale.ROOT), v));
        return lowerKeys;
    }

    private static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                return p.substring(9).replace("\"", "");
            }
        }
        return null;
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "" : known.getReasonPhrase();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
