package dev.bazaar.user.account;

import dev.bazaar.user.UsersProperties;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * bcrypt with a configurable cost. Checking a login for an unknown email still runs one bcrypt
 * comparison (against a dummy hash), so response time does not tell which emails exist.
 */
@Component
public class PasswordHashing {

    private final BCryptPasswordEncoder encoder;
    private final String dummyHash;

    PasswordHashing(UsersProperties properties) {
        this.encoder = new BCryptPasswordEncoder(properties.password().bcryptStrength());
        this.dummyHash = encoder.encode("not-a-password-0");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash == null ? dummyHash : hash);
    }
}
