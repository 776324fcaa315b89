package dev.bazaar.notification.sms.simulator;

import dev.bazaar.starter.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated SMS provider's API, on its own path prefix as if it were another host: {@code POST
 * /sms-simulator/v1/messages} (202 accepted with a message id; 200 with the first one for a repeated
 * {@code clientReference}; 422 {@code invalid-number}; 503 while an outage is provoked), its log {@code GET
 * /sms-simulator/v1/messages?to=}, and {@code POST /sms-simulator/v1/faults {"failNext": n}} to provoke one.
 */
@RestController
@RequestMapping("/sms-simulator/v1")
class SmsSimulatorController {

    record SendRequest(
            @NotBlank String to,
            @NotBlank String from,
            @NotBlank @Size(max = 1600) String text,
            @NotBlank String clientReference) {}

    record Faults(@NotNull @Min(0) Integer failNext) {}

    private final SmsSimulator simulator;

    SmsSimulatorController(SmsSimulator simulator) {
        this.simulator = simulator;
    }

    @PostMapping("/messages")
    ResponseEntity<Map<String, Object>> send(@Valid @RequestBody SendRequest request) {
        SmsSimulator.Outcome outcome =
                simulator.send(request.to(), request.from(), request.text(), request.clientReference());
        if (outcome instanceof SmsSimulator.Outcome.Accepted accepted) {
            return ResponseEntity.status(accepted.repeat() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                    .body(Map.of(
                            "messageId", accepted.message().messageId(),
                            "status", "ACCEPTED",
                            "to", accepted.message().to(),
                            "parts", parts(accepted.message().text())));
        }
        if (outcome instanceof SmsSimulator.Outcome.InvalidNumber invalid) {
            throw new ApiProblem(
                    HttpStatus.valueOf(422),
                    "invalid-number",
                    "Invalid number",
                    "'" + invalid.to() + "' is not a mobile number this provider can reach");
        }
        throw new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "temporarily-unavailable",
                "Temporarily unavailable",
                "The SMS gateway cannot take messages now; try again later");
    }

    @GetMapping("/messages")
    List<SmsSimulator.Message> sent(@RequestParam(required = false) String to) {
        return simulator.sent(to);
    }

    @PostMapping("/faults")
    Faults faults(@Valid @RequestBody Faults faults) {
        simulator.failNext(faults.failNext());
        return faults;
    }

    /** GSM-7 messages go in parts of 153 characters once longer than 160 (a UCS-2 one in 67 past 70). */
    private static int parts(String text) {
        boolean gsm = text.chars().allMatch(c -> c < 128);
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        return text.length() <= single ? 1 : (text.length() + part - 1) / part;
    }
}
