package io.timetracker.api.identity;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** Passwords exist only as BCrypt hashes; a plain password never leaves the request that carried it. */
@Component
public class PasswordHasher {

    public static final int MIN_LENGTH = 12;
    /** BCrypt reads at most 72 bytes; a longer password is refused rather than silently cut short. */
    public static final int MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12);
    /** Compared against when the user is unknown, so a wrong username costs as long as a wrong password. */
    private final String decoy = encoder.encode("decoy-password-for-unknown-users");

    public static boolean fitsHash(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** @param password a password that {@link #fitsHash fits} */
    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Whether {@code password} is the one {@code hash} was made from; false for no hash (costing just as long). */
    public boolean matches(String password, String hash) {
        boolean comparable = hash != null && fitsHash(password);
        boolean matches = encoder.matches(fitsHash(password) ? password : "", comparable ? hash : decoy);
        return comparable && matches;
    }
}
