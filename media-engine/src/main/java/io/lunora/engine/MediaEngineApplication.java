package io.lunora.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The local media plane: SRT ingest, switcher, renditions, pushers, HLS, recording. */
@SpringBootApplication
public class MediaEngineApplication {
    public static void main(String[] args) {
        SpringApplication.run(MediaEngineApplication.class, args);
    }
}
