package io.lunora.support.clients;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/** A service that answers from another one: its items come from the stock service. */
@SpringBootApplication
public class CallerApplication {

    record Item(String name) {
    }

    @RestController
    static class ItemController {
        private final RestClient stock;

        ItemController(ServiceClients clients, @Value("${lunora.services.stock-url}") String stockUrl) {
            this.stock = clients.forService("stock-service", stockUrl);
        }

        /** No try/catch: a failed downstream answer is translated once, in ProblemHandling. */
        @GetMapping("/api/items/{id}")
        Item item(@PathVariable String id) {
            return stock.get().uri("/internal/items/{id}", id).retrieve().body(Item.class);
        }
    }
}
