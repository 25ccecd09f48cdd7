package io.lunora.viewer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The viewer platform: catalog, accounts, viewing, social, analytics, moderation. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ViewerServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(ViewerServiceApplication.class, args);
    }
}
