package io.lunora.viewer.dynamo;

import io.lunora.support.dynamo.TableNames;
import org.springframework.stereotype.Component;

/**
 * The physical names of the tables this service owns (all defined in {@code infra/cloudformation/data.yaml}).
 * Chat messages and comments live in ViewingHistory (a viewer's activity on a stream, queried per
 * stream through its {@code stream_id-index}); likes, follows, saves and blocks are string sets on
 * the ViewerProfiles item; so no table beyond the specification's is needed.
 */
@Component
public class ViewerTables {
    public static final String STREAM_INDEX = "stream_id-index";
    public static final String VIEWER_INDEX = "viewer_id-index";
    public static final String CATEGORY_INDEX = "category-index";

    private final TableNames names;

    public ViewerTables(TableNames names) {
        this.names = names;
    }

    public String profiles() {
        return names.of("ViewerProfiles");
    }

    public String history() {
        return names.of("ViewingHistory");
    }

    public String catalog() {
        return names.of("StreamCatalog");
    }

    public String subscriptions() {
        return names.of("ViewerSubscriptions");
    }

    public String analytics() {
        return names.of("ViewerAnalytics");
    }

    public String moderation() {
        return names.of("ContentModeration");
    }
}
