package io.timetracker.api.auth;

import org.springframework.web.method.HandlerMethod;

import java.util.List;

/**
 * What a handler declares about who may call it: {@link PublicEndpoint}, {@link RequiresScope}, or nothing, which
 * is refused. The OpenAPI document and Swagger UI (springdoc's handlers) are public by contract §1.
 */
public record RouteAccess(Kind kind, List<String> scopes, boolean signIn) {

    public enum Kind { PUBLIC, SCOPED, UNDECLARED }

    private static final RouteAccess UNDECLARED = new RouteAccess(Kind.UNDECLARED, List.of(), false);
    private static final RouteAccess DOCUMENTATION = new RouteAccess(Kind.PUBLIC, List.of(), false);

    public static RouteAccess of(HandlerMethod handler) {
        if (handler == null) {
            return UNDECLARED;
        }
        PublicEndpoint open = handler.getMethodAnnotation(PublicEndpoint.class);
        RequiresScope scoped = handler.getMethodAnnotation(RequiresScope.class);
        if (open != null && scoped != null) {
            return UNDECLARED; // contradictory: neither rule can be trusted
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
}
