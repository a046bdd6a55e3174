package io.slotbridge.console.common.domain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Hides secrets in text the console shows: webhook path secrets, tokens in form bodies, JSON and headers, bearer
 * credentials, bot tokens and credentials in URLs. Applied before anything reaches a page, a log line or a Telegram
 * message; the original bytes of a dead letter are kept sealed for replay only.
 */
public final class SecretMasker {

    public static final String MASK = "***";

    /** Names that end a sensitive key: access_token, auth[application_token], webhookSecret, apiKey… */
    private static final String SENSITIVE = "token|secret|api_?key|password|passwd|ticket|authorization|member_?id";

    private static final List<Rule> RULES = List.of(
            // gateway paths whose last segment is the tenant's shared secret
            new Rule(
                    Pattern.compile("(/hooks/(?:amocrm|wazzup)/[^/\\s\"'?]+/)(?!\\*\\*\\*)[^/\\s\"'?&]+"), "$1" + MASK),
            // Bitrix24 inbound webhook URLs: /rest/{user}/{code}/
            new Rule(Pattern.compile("(/rest/\\d+/)[A-Za-z0-9]{6,}(/)"), "$1" + MASK + "$2"),
            // Telegram bot token in an API path
            new Rule(Pattern.compile("(/bot)\\d+(?::|%3A|%3a)[A-Za-z0-9_-]+"), "$1" + MASK),
            // user:password@ in URLs
            new Rule(Pattern.compile("(\\b[a-z][a-z0-9+.-]*://)[^/\\s@\"']+:[^/\\s@\"']+@"), "$1" + MASK + "@"),
            // form bodies and query strings, plain or percent-encoded brackets: auth[application_token]=…
            new Rule(
                    Pattern.compile("(?i)((?:^|[?&\\s\"'])[^=&\\s\"']*?(?:" + SENSITIVE + ")(?:%5D|\\])?=)[^&\\s\"']+"),
                    "$1" + MASK),
            // JSON string members with a sensitive name
            new Rule(
                    Pattern.compile("(?i)(\"[^\"]*?(?:" + SENSITIVE + ")\\]?\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\""),
                    "$1\"" + MASK + "\""),
            // header lines: Authorization: …, X-Goog-Channel-Token: …
            new Rule(
                    Pattern.compile(
                            "(?im)^((?:authorization|proxy-authorization|x-goog-channel-token|cookie)\\s*:\\s*).+$"),
                    "$1" + MASK),
            // bearer credentials anywhere else
            new Rule(Pattern.compile("(?i)(\\bBearer\\s+)(?!\\*\\*\\*)[A-Za-z0-9._~+/=-]+"), "$1" + MASK));

    private SecretMasker() {}

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (Rule rule : RULES) {
            masked = rule.pattern().matcher(masked).replaceAll(rule.replacement());
        }
        return masked;
    }

    private static final Pattern SENSITIVE_NAME = Pattern.compile("(?i).*(?:" + SENSITIVE + "|api-key|cookie)\\]?$");

    /**
     * A named value to show (a header, a status field): hidden entirely when the name says it is a credential
     * ({@code Authorization}, {@code X-Goog-Channel-Token}, {@code refreshToken}…), else masked text.
     */
    public static String maskNamed(String name, String value) {
        if (name != null && SENSITIVE_NAME.matcher(name.strip()).matches()) {
            return MASK;
        }
        return mask(value);
    }

    private record Rule(Pattern pattern, String replacement) {}
}
