package dev.bazaar.user.profile;

import dev.bazaar.starter.problem.ApiProblem;
import dev.bazaar.user.UsersProperties;
import dev.bazaar.user.address.Address;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service reads, e.g. search resolving a shopper's pincode. Not under {@code /api}, so
 * the gateway (which routes {@code /api/**} only) never exposes it, and it needs the shared service
 * credential {@code X-Internal-Token} (bazaar.users.internal-token), compared in constant time.
 */
@RestController
class InternalUsersController {

    private final UserViews views;
    private final byte[] internalToken;

    InternalUsersController(UserViews views, UsersProperties properties) {
        this.views = views;
        this.internalToken = properties.internalToken() == null
                ? new byte[0]
                : properties.internalToken().getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping("/internal/users/{userId}/default-address")
    Address defaultAddress(
            @PathVariable String userId, @RequestHeader(name = "X-Internal-Token", required = false) String token) {
        if (internalToken.length == 0
                || token == null
                || !MessageDigest.isEqual(internalToken, token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "internal-token-required",
                    "Unauthorized",
                    "This endpoint is for Bazaar services and needs a valid X-Internal-Token header.");
        }
        UserView view = views.find(userId).orElseThrow(() -> ApiProblem.notFound("User", userId));
        if (view.defaultAddress() == null) {
            throw new ApiProblem(
                    HttpStatus.NOT_FOUND,
                    "no-default-address",
                    "No default address",
                    "User '" + userId + "' has no address yet.");
        }
        return view.defaultAddress();
    }
}
