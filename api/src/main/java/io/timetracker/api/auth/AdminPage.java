package io.timetracker.api.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page of the admin web ({@code /admin/...}): served only under the admin chain of {@link AdminSecurityConfig}, to
 * a signed-in administrator's web session, never to an API token. {@code signIn} marks the pages that answer before
 * signing in (the sign-in form and its refusals).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AdminPage {

    boolean signIn() default false;
}
