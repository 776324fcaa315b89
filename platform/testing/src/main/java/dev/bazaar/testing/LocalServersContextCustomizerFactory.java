package dev.bazaar.testing;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Registered in {@code META-INF/spring.factories}; acts only on classes marked {@link UsesLocalServers}. */
class LocalServersContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        UsesLocalServers annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, UsesLocalServers.class);
        if (annotation == null) {
            return null;
        }
        return new LocalServersContextCustomizer(testClass, List.of(annotation.value()));
    }
}
