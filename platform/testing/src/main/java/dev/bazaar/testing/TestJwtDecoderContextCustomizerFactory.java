package dev.bazaar.testing;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * In services that verify JWTs, tests trust {@link TestJwts}' key instead of fetching user-service's
 * JWKS: the decoder bean registered here makes Boot's own decoder back off.
 */
class TestJwtDecoderContextCustomizerFactory implements ContextCustomizerFactory {

    private static final boolean JWT_ON_CLASSPATH = ClassUtils.isPresent(
            "org.springframework.security.oauth2.jwt.NimbusJwtDecoder",
            TestJwtDecoderContextCustomizerFactory.class.getClassLoader());

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return JWT_ON_CLASSPATH ? new TrustTestKey() : null;
    }

    private static final class TrustTestKey implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            JwtDecoder decoder =
                    NimbusJwtDecoder.withPublicKey(TestJwts.publicKey()).build();
            context.getBeanFactory().registerSingleton("testJwtDecoder", decoder);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TrustTestKey;
        }

        @Override
        public int hashCode() {
            return TrustTestKey.class.hashCode();
        }
    }
}
