package dev.bazaar.notification.preference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's channels: {@code {"email": true, "sms": false, "inApp": true}} opts out of SMS and keeps
 * the rest. A PUT states all three (a missing one is a 400, never read as "off"); it applies to every delivery
 * sent from then on, including those already planned.
 */
@RestController
@RequestMapping("/api/notifications/preferences")
class PreferenceController {

    record PreferencesRequest(
            @NotNull Boolean email,
            @NotNull Boolean sms,
            @NotNull Boolean inApp) {}

    private final Preferences preferences;

    PreferenceController(Preferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    ChannelPreferences get(@AuthenticationPrincipal Jwt user) {
        return preferences.of(user.getSubject());
    }

    @PutMapping
    ChannelPreferences put(@AuthenticationPrincipal Jwt user, @Valid @RequestBody PreferencesRequest request) {
        return preferences.save(
                user.getSubject(), new ChannelPreferences(request.email(), request.sms(), request.inApp()));
    }
}
