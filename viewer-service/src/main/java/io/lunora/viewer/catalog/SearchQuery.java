package io.lunora.viewer.catalog;

import io.lunora.model.viewer.AccessLevel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Search filters; every one is optional. Text matches title, description and tags, ignoring case. */
record SearchQuery(Optional<String> text, Optional<String> category, List<String> tags,
        Optional<AccessLevel> accessLevel, boolean liveOnly) {

    boolean matches(CatalogEntry e) {
        return text.map(t -> contains(e.title(), t) || contains(e.description(), t)
                        || e.tags().stream().anyMatch(tag -> contains(tag, t))).orElse(true)
                && category.map(c -> c.equals(e.category())).orElse(true)
                && e.tags().containsAll(tags)
                && accessLevel.map(l -> l.wireValue().equals(e.accessLevel())).orElse(true)
                && (!liveOnly || e.isLive());
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
