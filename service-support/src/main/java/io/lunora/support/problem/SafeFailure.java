package io.lunora.support.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes a failure for the log without its messages, which may carry request data (stream
 * keys, URLs with credentials): the chain of exception types and where the innermost was thrown.
 */
public final class SafeFailure {
    private SafeFailure() {
    }

    public static String describe(Throwable failure) {
        List<String> chain = new ArrayList<>();
        Throwable innermost = failure;
        for (Throwable t = failure; t != null && chain.size() < 8; t = t.getCause()) {
            chain.add(t.getClass().getName());
            innermost = t;
        }
        StackTraceElement[] frames = innermost.getStackTrace();
        String where = frames.length == 0 ? "?" : frames[0].toString();
        return String.join(" <- ", chain) + " at " + where;
    }
}
