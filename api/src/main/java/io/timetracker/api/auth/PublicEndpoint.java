package io.timetracker.api.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler that answers without a token (contract §1: info, health, sign-in). Every other handler declares
 * {@link RequiresScope}; one that declares neither is refused, and the application does not start with one
 * ({@link RouteTable}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicEndpoint {

    /** Sign-in attempts count against their own, tighter limit per client address. */
    boolean signIn() default false;
}
