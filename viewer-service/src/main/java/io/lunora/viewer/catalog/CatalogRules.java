package io.lunora.viewer.catalog;

import io.lunora.model.viewer.StreamDetails;

/** Shapes of catalog values, shared by the request validations. */
public final class CatalogRules {
    public static final String STREAM_ID = "[A-Za-z0-9_-]{1,64}";
    public static final String STREAM_ID_MESSAGE = "must be 1 to 64 letters, digits, dashes or underscores";
    public static final String CATEGORY = StreamDetails.CATEGORY;
    public static final String CATEGORY_MESSAGE = StreamDetails.CATEGORY_MESSAGE;
    public static final String TAG = "[a-z0-9][a-z0-9-]{0,29}";

    private CatalogRules() {
    }
}
