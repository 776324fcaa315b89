package dev.bazaar.user.profile;

import dev.bazaar.starter.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own profile: the user id comes from the token's {@code sub}, never from the request. */
@RestController
@RequestMapping("/api/users/me")
class ProfileController {

    record ProfileUpdate(
            @NotBlank @Size(max = 100) String name,

            @Pattern(regexp = "\\+?[0-9]{10,15}", message = "must be 10 to 15 digits")
            String phone) {}

    private final UserViews views;
    private final ProfileEditor editor;

    ProfileController(UserViews views, ProfileEditor editor) {
        this.views = views;
        this.editor = editor;
    }

    @GetMapping
    Profile me(@AuthenticationPrincipal Jwt token) {
        return views.find(token.getSubject())
                .map(UserView::profile)
                .orElseThrow(() -> ApiProblem.notFound("User", token.getSubject()));
    }

    @PutMapping
    Profile update(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfileUpdate update) {
        return editor.update(token.getSubject(), update.name().trim(), update.phone());
    }
}
