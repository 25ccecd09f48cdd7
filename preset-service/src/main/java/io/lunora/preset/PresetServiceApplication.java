package io.lunora.preset;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Encoding presets, with the built-in platform presets seeded. */
@SpringBootApplication
public class PresetServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(PresetServiceApplication.class, args);
    }
}
