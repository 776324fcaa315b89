package dev.bazaar.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ActiveProfiles;

/**
 * Points a Spring Boot test at the local servers it names, with names isolated for this test class
 * (see {@link IsolatedNames}, injectable as a bean). The named servers are checked before the
 * context starts; a missing one fails the class at once with the command that starts it.
 * The test runs with the {@code local} profile, as {@code ./bazaar up} runs the services (the
 * starter's development values: internal token, local MariaDB password, demo switch); a class that
 * declares its own {@code @ActiveProfiles} runs with those instead.
 *
 * <pre>
 * &#64;SpringBootTest
 * &#64;UsesLocalServers({LocalServer.KAFKA, LocalServer.MARIADB})
 * class OrderTakingIntegrationTests { … }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ActiveProfiles("local")
public @interface UsesLocalServers {

    LocalServer[] value();
}
