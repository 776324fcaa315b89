package dev.bazaar.inbound.supplier;

import dev.bazaar.starter.problem.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates {@code /api/supplier/**} by the {@code X-Api-Key} header (the JWT chain lets these
 * paths through, see {@code bazaar.security.public-paths}). The supplier id comes from the key and
 * is handed to controllers as a request attribute, never taken from what the supplier sends.
 */
public class SupplierApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Api-Key";
    /** Request attribute with the authenticated supplier's id: {@code @RequestAttribute(SUPPLIER_ID)}. */
    public static final String SUPPLIER_ID = "dev.bazaar.inbound.supplierId";

    private final ApiKeys apiKeys;
    private final JsonMapper json;

    public SupplierApiKeyFilter(ApiKeys apiKeys, JsonMapper json) {
        this.apiKeys = apiKeys;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        Optional<String> supplier = apiKeys.authenticate(presented);
        if (supplier.isEmpty()) {
            unauthorized(
                    request,
                    response,
                    presented == null
                            ? "The X-Api-Key header is missing."
                            : "The API key is not valid or has been revoked.");
            return;
        }
        request.setAttribute(SUPPLIER_ID, supplier.get());
        chain.doFilter(request, response);
    }

    private void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setType(ProblemTypes.uri("invalid-api-key"));
        problem.setTitle("Unauthorized");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
