package io.lunora.archfixture.web;

/** A storage port. */
public interface FixtureStore {
    String find(String id);
}
