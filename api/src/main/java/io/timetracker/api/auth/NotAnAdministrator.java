package io.timetracker.api.auth;

import org.springframework.security.core.AuthenticationException;

/** The right password of an account that is no administrator's: the admin web does not sign it in. */
class NotAnAdministrator extends AuthenticationException {

    NotAnAdministrator() {
        super("Not an administrator");
    }
}
