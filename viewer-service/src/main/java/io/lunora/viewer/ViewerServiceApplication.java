package io.lunora.viewer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The viewer platform: catalog, accounts, viewing, social, analytics, moderation. */
@SpringBootApplication
public class ViewerServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(ViewerServiceApplication.class, args);
    }
}
