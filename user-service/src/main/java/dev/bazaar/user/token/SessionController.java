package dev.bazaar.user.token;

import dev.bazaar.starter.problem.ApiProblem;
import dev.bazaar.user.account.PasswordHashing;
import dev.bazaar.user.account.UserAccount;
import dev.bazaar.user.account.UserAccounts;
import dev.bazaar.user.throttle.LoginThrottle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Login, refresh (rotation) and logout. Wrong email and wrong password answer alike. */
@RestController
class SessionController {

    record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String password) {}

    record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {}

    record TokenResponse(String accessToken, long expiresIn, String refreshToken, String tokenType) {}

    private final UserAccounts users;
    private final PasswordHashing passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final Counter loginSuccess;
    private final Counter loginFailure;
    private final Counter loginThrottled;

    SessionController(
            UserAccounts users,
            PasswordHashing passwords,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            LoginThrottle throttle,
            MeterRegistry meters) {
        this.users = users;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.loginSuccess = loginCounter(meters, "success");
        this.loginFailure = loginCounter(meters, "failure");
        this.loginThrottled = loginCounter(meters, "throttled");
    }

    private static Counter loginCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("users.logins")
                .tag("outcome", outcome)
                .description("Login attempts by outcome")
                .register(meters);
    }

    @PostMapping("/api/users/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        String ip = http.getRemoteAddr();
        LoginThrottle.Verdict verdict = throttle.check(ip, request.email());
        if (verdict.blocked()) {
            loginThrottled.increment();
            ApiProblem tooMany = new ApiProblem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-login-attempts",
                    "Too many failed logins",
                    "Too many failed logins; retry in " + verdict.retryAfterSeconds() + " s.");
            tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
            throw tooMany;
        }
        Optional<UserAccount> user = users.findByEmail(request.email());
        // Always one bcrypt check, so timing does not reveal whether the email exists.
        boolean matches = passwords.matches(
                request.password(), user.map(UserAccount::passwordHash).orElse(null));
        if (user.isEmpty() || !matches) {
            loginFailure.increment();
            throttle.failed(ip, request.email());
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "invalid-credentials",
                    "Login failed",
                    "The email or the password is wrong.");
        }
        loginSuccess.increment();
        throttle.succeeded(request.email());
        return tokens(user.get(), refreshTokens.startFamily(user.get().id()));
    }

    @PostMapping("/api/users/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        RefreshTokens.Rotation rotation =
                refreshTokens.rotate(request.refreshToken()).orElseThrow(SessionController::invalidRefreshToken);
        // Fresh claims: a role change shows up at the next refresh.
        UserAccount user = users.findById(rotation.userId()).orElseThrow(SessionController::invalidRefreshToken);
        return tokens(user, rotation.refreshToken());
    }

    @PostMapping("/api/users/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest request) {
        refreshTokens.revokeFamilyOf(request.refreshToken());
    }

    private TokenResponse tokens(UserAccount user, String refreshToken) {
        return new TokenResponse(accessTokens.issue(user), accessTokens.ttl().toSeconds(), refreshToken, "Bearer");
    }

    private static ApiProblem invalidRefreshToken() {
        return new ApiProblem(
                HttpStatus.UNAUTHORIZED,
                "invalid-refresh-token",
                "Refresh failed",
                "The refresh token is unknown, expired, revoked or already used; log in again.");
    }
}
