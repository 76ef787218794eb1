package io.timetracker.api.support;

import io.timetracker.api.auth.RouteAccess;
import io.timetracker.api.auth.RouteTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The route table as a list of single endpoints (one method, one path pattern), the unit the generated tests
 * iterate over. A mapping without a method (the error page) stands for GET and POST. The admin web's pages are no
 * endpoints of the API: {@link #of} leaves them out, {@link #adminPagesOf} lists them.
 */
public final class Endpoints {

    /** One method on one path pattern, with the handler's access rule. */
    public record Endpoint(String method, String pattern, RouteAccess access) {

        public boolean isWrite() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private Endpoints() {
    }

    /** The API's writes (POST, PUT, PATCH, DELETE under {@code /api/v1}). */
    public static List<Endpoint> writesOf(RouteTable routes) {
        return of(routes).stream().filter(endpoint -> endpoint.isWrite() && endpoint.pattern().startsWith("/api/v1/"))
                .toList();
    }

    /** The API's endpoints. */
    public static List<Endpoint> of(RouteTable routes) {
        return all(routes).stream().filter(endpoint -> !endpoint.access().isAdminPage()).toList();
    }

    /** The admin web's pages ({@code @AdminPage}). */
    public static List<Endpoint> adminPagesOf(RouteTable routes) {
        return all(routes).stream().filter(endpoint -> endpoint.access().isAdminPage()).toList();
    }

    private static List<Endpoint> all(RouteTable routes) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RouteTable.Route route : routes.routes()) {
            Set<String> methods = route.methods().isEmpty() ? Set.of("GET", "POST") : route.methods();
            for (String method : methods) {
                for (String pattern : route.patterns()) {
                    endpoints.add(new Endpoint(method, pattern, route.access()));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }
}
