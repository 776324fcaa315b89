package dev.bazaar.user.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Self-service sign-up: always as a CUSTOMER (OPS grants SELLER or OPS). */
@RestController
class RegistrationController {

    record RegisterRequest(
            @NotBlank
            @Size(max = 254)
            @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address")
            String email,

            @StrongPassword String password,
            @NotBlank @Size(max = 100) String name) {}

    record Registered(String id, String email, String name, List<Role> roles) {}

    private final Registration registration;

    RegistrationController(Registration registration) {
        this.registration = registration;
    }

    @PostMapping("/api/users/register")
    @ResponseStatus(HttpStatus.CREATED)
    Registered register(@Valid @RequestBody RegisterRequest request) {
        UserAccount user =
                registration.register(request.email(), request.password(), request.name(), List.of(Role.CUSTOMER));
        return new Registered(user.id(), user.email(), user.name(), user.roles());
    }
}
