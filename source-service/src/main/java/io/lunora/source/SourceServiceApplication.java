package io.lunora.source;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Source redundancy configuration (SourceConfiguration) and live source status. */
@SpringBootApplication
public class SourceServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(SourceServiceApplication.class, args);
    }
}
