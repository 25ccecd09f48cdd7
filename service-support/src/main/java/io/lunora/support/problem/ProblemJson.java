package io.lunora.support.problem;

import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes a minimal RFC 9457 document where no message converter runs (security filters). Only
 * our own fixed titles and details go in here, never request data or exception texts.
 */
public final class ProblemJson {
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.getWriter().write(render(status, title, detail));
    }

    public static String render(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}";
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
