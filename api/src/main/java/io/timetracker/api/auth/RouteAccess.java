package io.timetracker.api.auth;

import org.springframework.web.method.HandlerMethod;

import java.util.List;

/**
 * What a handler declares about who may call it: {@link PublicEndpoint}, {@link RequiresScope}, {@link AdminPage}
 * (a page of the admin web, for an administrator's web session; {@code SIGN_IN_PAGE} the ones before signing in),
 * or nothing, which is refused. The OpenAPI document and Swagger UI (springdoc's handlers) are public by contract §1.
 */
public record RouteAccess(Kind kind, List<String> scopes, boolean signIn) {

    public enum Kind { PUBLIC, SCOPED, ADMIN_PAGE, SIGN_IN_PAGE, UNDECLARED }

    private static final RouteAccess UNDECLARED = new RouteAccess(Kind.UNDECLARED, List.of(), false);
    private static final RouteAccess DOCUMENTATION = new RouteAccess(Kind.PUBLIC, List.of(), false);
    private static final RouteAccess ADMIN = new RouteAccess(Kind.ADMIN_PAGE, List.of(), false);
    private static final RouteAccess SIGN_IN = new RouteAccess(Kind.SIGN_IN_PAGE, List.of(), false);

    public static RouteAccess of(HandlerMethod handler) {
        if (handler == null) {
            return UNDECLARED;
        }
        PublicEndpoint open = handler.getMethodAnnotation(PublicEndpoint.class);
        RequiresScope scoped = handler.getMethodAnnotation(RequiresScope.class);
        AdminPage page = handler.getMethodAnnotation(AdminPage.class);
        if ((open != null ? 1 : 0) + (scoped != null ? 1 : 0) + (page != null ? 1 : 0) > 1) {
            return UNDECLARED; // contradictory: no rule can be trusted
        }
        if (page != null) {
            return page.signIn() ? SIGN_IN : ADMIN;
        }
        if (open != null) {
            return new RouteAccess(Kind.PUBLIC, List.of(), open.signIn());
        }
        if (scoped != null && scoped.value().length == 0) {
            return UNDECLARED; // a scope rule that names no scope would let every token through
        }
        if (scoped != null) {
            return new RouteAccess(Kind.SCOPED, List.of(scoped.value()), false);
        }
        return handler.getBeanType().getPackageName().startsWith("org.springdoc.") ? DOCUMENTATION : UNDECLARED;
    }

    public boolean isPublic() {
        return kind == Kind.PUBLIC;
    }

    /** A page of the admin web (its chain, its sessions), not an endpoint of the API. */
    public boolean isAdminPage() {
        return kind == Kind.ADMIN_PAGE || kind == Kind.SIGN_IN_PAGE;
    }
}
