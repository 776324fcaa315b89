package dev.bazaar.starter.security;

import dev.bazaar.starter.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every {@code /internal/**} call needs the shared service credential {@code X-Internal-Token}, compared
 * in constant time; anything else is 401 {@code internal-token-required}. Checked before the body is read,
 * so a caller without it learns nothing about its input. Not auto-configured: a service declares it as a
 * bean from its own (required, {@code @NotBlank}) setting, e.g.
 * {@code @Bean InternalTokenGuard internalTokenGuard(InventoryProperties p) { return new
 * InternalTokenGuard(p.internalToken()); }}, and lists {@code /internal/**} in
 * {@code bazaar.security.public-paths} (the token, not a JWT, is the credential there). An empty token
 * refuses every call rather than accepting an empty header.
 */
public class InternalTokenGuard implements WebMvcConfigurer, HandlerInterceptor {

    public static final String HEADER = "X-Internal-Token";

    public static final String PATHS = "/internal/**";

    private final byte[] token;

    public InternalTokenGuard(String token) {
        this.token = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(PATHS);
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
