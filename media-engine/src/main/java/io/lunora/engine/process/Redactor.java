package io.lunora.engine.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from every text that leaves the engine (log lines, errors, status): the path
 * after the application name of RTMP URLs (the stream key), SRT passphrases and stream ids, and
 * any secret registered by the part that received it.
 */
public final class Redactor {
    private static final String MASK = "****";
    private static final Pattern RTMP = Pattern.compile("(rtmps?://[^/\\s'\"]+/[^/\\s'\"?]+)(/[^\\s'\"]*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SRT_SECRET = Pattern.compile("((?:passphrase|streamid)=)[^&\\s'\"]*",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** Secrets shorter than four characters are not matched (they would mask ordinary words). */
    public void register(String secret) {
        if (secret != null && secret.length() >= 4) {
            secrets.add(secret);
        }
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        Matcher rtmp = RTMP.matcher(result);
        result = rtmp.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + (m.group(2) == null ? "" : "/" + MASK)));
        return SRT_SECRET.matcher(result).replaceAll("$1" + MASK);
    }
}
