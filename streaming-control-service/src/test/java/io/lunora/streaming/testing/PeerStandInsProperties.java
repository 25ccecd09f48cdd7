package io.lunora.streaming.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ReflectionUtils;

/**
 * Gives a test class's application context the properties of the {@link PeerStandIns} the class declares
 * in a static field, ahead of every other property source (as {@code @DynamicPropertySource} would).
 * Registered in {@code META-INF/spring.factories}; a class without stand-ins is left as it is.
 */
public final class PeerStandInsProperties implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        for (Field field : testClass.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == PeerStandIns.class) {
                ReflectionUtils.makeAccessible(field);
                return new StandInProperties((PeerStandIns) ReflectionUtils.getField(field, null));
            }
        }
        return null;
    }

    /** Equal only for the same stand-ins: a class's context is its own, as its stand-ins are. */
    private record StandInProperties(PeerStandIns standIns) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("peerStandIns", Map.copyOf(standIns.properties())));
        }
    }
}
