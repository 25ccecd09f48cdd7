package io.lunora.archfixture.first;

import io.lunora.archfixture.second.Second;

/** One half of a package cycle. */
public class First {
    public Second next() {
        return new Second();
    }
}
