package io.lunora.streaming;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Streaming sessions: start, stop, per-destination control, live status and health. */
@SpringBootApplication
public class StreamingControlApplication {
    public static void main(String[] args) {
        SpringApplication.run(StreamingControlApplication.class, args);
    }
}
