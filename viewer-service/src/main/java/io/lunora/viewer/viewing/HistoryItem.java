package io.lunora.viewer.viewing;

import java.util.Map;

/**
 * One item of a viewer's history as stored: a viewing session ({@code item_type} {@value #VIEWING}),
 * a chat message or a comment, with every stored attribute as text (the data export shows them all).
 */
public record HistoryItem(String sortKey, String itemType, Map<String, String> attributes) {
    public static final String VIEWING = "viewing";

    public boolean isViewing() {
        return VIEWING.equals(itemType);
    }
}
