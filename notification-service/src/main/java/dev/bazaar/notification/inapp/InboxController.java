package dev.bazaar.notification.inapp;

import dev.bazaar.starter.problem.ApiProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's in-app messages, newest first, a page at a time: {@code nextCursor} (opaque; null on
 * the last page) fetches the next one, and new messages arriving meanwhile never shift a page. {@code unread}
 * counts all their unread messages. A read mark is idempotent.
 */
@Validated
@RestController
@RequestMapping("/api/notifications")
class InboxController {

    private static final String CURSOR_PREFIX = "in-app:";

    record Inbox(List<InAppMessage> messages, long unread, String nextCursor) {}

    private final InAppMessages messages;

    InboxController(InAppMessages messages) {
        this.messages = messages;
    }

    @GetMapping
    Inbox list(
            @AuthenticationPrincipal Jwt user,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String userId = user.getSubject();
        List<InAppMessage> page = messages.page(userId, cursor == null ? null : beforeId(cursor), size);
        String next = page.size() < size
                ? null
                : cursorAfter(page.get(page.size() - 1).id());
        return new Inbox(page, messages.unread(userId), next);
    }

    @PostMapping("/{id}/read")
    InAppMessage read(@AuthenticationPrincipal Jwt user, @PathVariable long id) {
        return messages.markRead(user.getSubject(), id).orElseThrow(() -> ApiProblem.notFound("Notification", id));
    }

    private static String cursorAfter(long id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long beforeId(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                long id = Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
                if (id > 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // NumberFormatException is one too: answered below.
        }
        throw ApiProblem.badRequest("invalid-cursor", "cursor is not one this API answered; start without one");
    }
}
