package io.timetracker.api.identity;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** Passwords exist only as BCrypt hashes; a plain password never leaves the request that carried it. */
@Component
public class PasswordHasher {

    public static final int MIN_LENGTH = 12;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12);
    /** Compared against when the user is unknown, so a wrong username costs as long as a wrong password. */
    private final String decoy = encoder.encode("decoy-password-for-unknown-users");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        boolean matches = encoder.matches(password, hash == null ? decoy : hash);
        return hash != null && matches;
    }
}
