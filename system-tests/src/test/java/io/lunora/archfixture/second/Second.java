package io.lunora.archfixture.second;

import io.lunora.archfixture.first.First;

/** The other half of a package cycle. */
public class Second {
    public First back() {
        return new First();
    }
}
