package io.timetracker.api.auth;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/**
 * An API token as presented (not yet checked; it carries the plain token, which the authentication manager
 * erases once it is done), or the {@link Caller} it proved to be, with the token's scopes as authorities.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private String presentedToken;

    private ApiTokenAuthentication(String presentedToken, Caller caller) {
        super(caller == null ? List.of() : caller.scopes().stream().map(SimpleGrantedAuthority::new).toList());
        this.presentedToken = presentedToken;
        this.caller = caller;
        setAuthenticated(caller != null);
    }

    static ApiTokenAuthentication presented(String token) {
        return new ApiTokenAuthentication(token, null);
    }

    static ApiTokenAuthentication of(Caller caller) {
        return new ApiTokenAuthentication(null, caller);
    }

    @Override
    public String getCredentials() {
        return presentedToken;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public void eraseCredentials() {
        presentedToken = null;
        super.eraseCredentials();
    }
}
