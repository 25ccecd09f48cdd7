package io.lunora.archfixture.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A controller that skips the service and reads the store itself. */
@RestController
public class ShortcutController {
    private final FixtureStore store;

    public ShortcutController(FixtureStore store) {
        this.store = store;
    }

    @GetMapping("/fixtures/{id}")
    public String get(@PathVariable String id) {
        return store.find(id);
    }
}
