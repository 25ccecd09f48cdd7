package io.lunora.viewer.web;

import java.util.List;

/** One page of a list: {@code page} is zero based, {@code total} counts every match. */
public record Page<T>(List<T> items, int page, int size, int total) {
    public static <T> Page<T> of(List<T> all, int page, int size) {
        int from = Math.min(all.size(), page * size);
        int to = Math.min(all.size(), from + size);
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size());
    }
}
