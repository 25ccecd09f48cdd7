package io.lunora.system.stack;

/**
 * Where a service's own {@code application.yml} is, for a test that runs part of the service in its
 * JVM with the configuration the service runs with ({@code --spring.config.location=}).
 */
public final class OwnConfiguration {
    private OwnConfiguration() {
    }

    public static String of(Class<?> application) {
        String location = application.getProtectionDomain().getCodeSource().getLocation().toString();
        return location.endsWith(".jar") ? "jar:" + location + "!/application.yml" : location + "application.yml";
    }
}
