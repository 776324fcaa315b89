package dev.bazaar.inventory.reservation;

import dev.bazaar.inventory.InventoryProperties;
import dev.bazaar.starter.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every {@code /internal/**} call needs the shared service credential {@code X-Internal-Token}
 * ({@code bazaar.inventory.internal-token}), compared in constant time, as user-service's internal
 * endpoints do. Checked before the body is read, so a caller without it learns nothing about its input.
 */
@Configuration(proxyBeanMethods = false)
class InternalToken implements WebMvcConfigurer, HandlerInterceptor {

    static final String HEADER = "X-Internal-Token";

    private final byte[] token;

    InternalToken(InventoryProperties properties) {
        this.token = properties.internalToken() == null
                ? new byte[0]
                : properties.internalToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/internal/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String sent = request.getHeader(HEADER);
        if (token.length == 0 || sent == null || !MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "internal-token-required",
                    "Unauthorized",
                    "This endpoint is for Bazaar services and needs a valid X-Internal-Token header.");
        }
        return true;
    }
}
