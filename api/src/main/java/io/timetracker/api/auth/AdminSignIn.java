package io.timetracker.api.auth;

import io.timetracker.api.identity.PasswordHasher;
import io.timetracker.api.web.Queries;
import io.timetracker.query.user.UserQueries.FindCredentials;
import io.timetracker.query.user.UserQueries.UserCredentials;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Signs in to the admin web with the users and password hashes of {@code POST /auth/login} (the same
 * {@link PasswordHasher}, the same refusal for an unknown user, a wrong password and an inactive account), and only
 * administrators: the right password of anyone else is refused with {@link NotAnAdministrator}.
 */
@Component
public class AdminSignIn implements AuthenticationProvider {

    public static final String ADMIN_ROLE = "ROLE_ADMIN";

    private final Queries queries;
    private final PasswordHasher passwords;

    public AdminSignIn(Queries queries, PasswordHasher passwords) {
        this.queries = queries;
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        String username = presented.getName() == null ? "" : presented.getName().strip();
        String password = presented.getCredentials() instanceof String given ? given : "";
        UserCredentials user = username.isEmpty() || username.length() > 100 ? null
                : queries.get(new FindCredentials(username), UserCredentials.class);
        boolean valid = passwords.matches(password, user == null ? null : user.passwordHash());
        if (!valid || !user.active()) {
            throw new BadCredentialsException("Invalid username or password");
        }
        if (!"admin".equals(user.role())) {
            throw new NotAnAdministrator();
        }
        return UsernamePasswordAuthenticationToken.authenticated(new AdminPrincipal(user.userId(), user.username()),
                null, List.of(new SimpleGrantedAuthority(ADMIN_ROLE)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
