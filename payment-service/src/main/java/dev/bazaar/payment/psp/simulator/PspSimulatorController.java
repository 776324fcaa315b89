package dev.bazaar.payment.psp.simulator;

import dev.bazaar.contracts.Money;
import dev.bazaar.payment.LocalAddress;
import dev.bazaar.starter.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The simulated PSP's surface, on its own path prefix as if it were another host: the merchant API
 * ({@code /psp-simulator/v1/**}: sessions, status, refunds) and the hosted payment page a shopper's browser is
 * sent to ({@code /psp-simulator/pay/{sessionId}}: a form with Pay and Decline; closing it does nothing).
 */
@RestController
@RequestMapping("/psp-simulator")
class PspSimulatorController {

    record SessionRequest(
            @NotBlank String merchantReference,
            @NotNull Money amount,
            @NotBlank String returnUrl) {}

    record RefundRequest(
            @NotBlank String transactionId, @NotNull Money amount) {}

    private final PspSimulator simulator;
    private final PspSimulatorProperties settings;
    private final LocalAddress local;

    PspSimulatorController(PspSimulator simulator, PspSimulatorProperties settings, LocalAddress local) {
        this.simulator = simulator;
        this.settings = settings;
        this.local = local;
    }

    @PostMapping("/v1/sessions")
    Map<String, Object> createSession(@Valid @RequestBody SessionRequest request) {
        simulator.latency();
        return view(simulator.create(request.merchantReference(), request.amount(), request.returnUrl()));
    }

    @GetMapping("/v1/sessions/{sessionId}")
    Map<String, Object> session(@PathVariable String sessionId) {
        simulator.latency();
        return view(simulator.find(sessionId).orElseThrow(() -> ApiProblem.notFound("Session", sessionId)));
    }

    @PostMapping("/v1/refunds")
    Map<String, Object> refund(@Valid @RequestBody RefundRequest request) {
        simulator.latency();
        String refundId = simulator.refund(request.transactionId(), request.amount());
        return Map.of(
                "refundId",
                refundId,
                "transactionId",
                request.transactionId(),
                "amount",
                request.amount(),
                "status",
                "SUCCEEDED");
    }

    /** The hosted payment page. */
    @GetMapping(path = "/pay/{sessionId}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String sessionId) {
        PspSimulator.Session session =
                simulator.find(sessionId).orElseThrow(() -> ApiProblem.notFound("Session", sessionId));
        String id = HtmlUtils.htmlEscape(session.sessionId());
        String amount = HtmlUtils.htmlEscape(session.amount().currency() + " "
                + java.math.BigDecimal.valueOf(session.amount().minor(), 2).toPlainString());
        if (!session.status().equals("PENDING")) {
            return "<!doctype html><html><head><title>Bazaar PSP simulator</title></head><body>"
                    + "<h1>Payment " + HtmlUtils.htmlEscape(session.status().toLowerCase(java.util.Locale.ROOT))
                    + "</h1><p>" + amount + "</p></body></html>";
        }
        return """
                <!doctype html>
                <html><head><title>Bazaar PSP simulator</title></head>
                <body>
                <h1>Pay %s</h1>
                <p>Session %s (simulated payment service provider: no money moves)</p>
                <form method="post" action="/psp-simulator/pay/%s">
                  <button type="submit" name="decision" value="pay">Pay</button>
                  <button type="submit" name="decision" value="decline">Decline</button>
                </form>
                </body></html>
                """.formatted(amount, id, id);
    }

    /** The page's form: completes the session and sends the browser back to the merchant (303). */
    @PostMapping(path = "/pay/{sessionId}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> decide(@PathVariable String sessionId, @RequestParam String decision) {
        if (!decision.equals("pay") && !decision.equals("decline")) {
            throw ApiProblem.badRequest("invalid-decision", "decision is pay or decline");
        }
        PspSimulator.Session session = simulator.complete(sessionId, decision.equals("pay"));
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, session.returnUrl())
                .build();
    }

    private Map<String, Object> view(PspSimulator.Session session) {
        URI page = local.or(settings.publicUrl(), "");
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("sessionId", session.sessionId());
        view.put("merchantReference", session.merchantReference());
        view.put("status", session.status());
        view.put("transactionId", session.transactionId());
        view.put("amount", session.amount());
        view.put("reason", session.reason());
        view.put("redirectUrl", page + "/psp-simulator/pay/" + session.sessionId());
        return view;
    }
}
