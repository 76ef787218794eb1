package io.timetracker.api.auth;

import io.timetracker.command.token.ApiScopes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The application's routes as the router knows them: every handler method with its methods, path patterns and
 * {@link RouteAccess}. Access decisions ask it which handler the router would pick for a request, so they are
 * made on the path exactly as the router reads it, never on the raw URI. The application does not start while
 * a handler declares no access rule, a contradictory one, or an unknown scope.
 */
@Component
public class RouteTable implements SmartInitializingSingleton {

    /** One handler method and the requests it answers. */
    public record Route(Set<String> methods, Set<String> patterns, HandlerMethod handler, RouteAccess access) {
    }

    private static final String ACCESS = RouteTable.class.getName() + ".access";
    private static final String TEMPLATE = RouteTable.class.getName() + ".template";

    private final RequestMappingHandlerMapping mapping;

    public RouteTable(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
        this.mapping = mapping;
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> routes.add(route(info, handler)));
        return routes;
    }

    /**
     * The access rule of the handler the router would dispatch {@code request} to ({@link RouteAccess.Kind#UNDECLARED}
     * when there is none); looked up once per dispatch, since authentication, authorization and rate limiting
     * all ask. The route's template is kept with it for {@link #templateOf}.
     */
    public RouteAccess accessFor(HttpServletRequest request) {
        String key = ACCESS + '.' + request.getDispatcherType();
        if (request.getAttribute(key) instanceof RouteAccess known) {
            return known;
        }
        SideEffectFreeRequest probe = new SideEffectFreeRequest(request);
        RouteAccess access = RouteAccess.of(handlerFor(probe));
        request.setAttribute(key, access);
        if (probe.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String template) {
            request.setAttribute(TEMPLATE, template);
        }
        return access;
    }

    /**
     * The path template ({@code /api/v1/projects/{id}}) of the handler that served {@code request}, or that would
     * have, had the chain not refused it first; null when no handler method matches. A label that does not grow with
     * the ids in paths.
     */
    public static String templateOf(HttpServletRequest request) {
        Object routed = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return routed instanceof String template ? template : (String) request.getAttribute(TEMPLATE);
    }

    /** The handler method the router would dispatch {@code request} to, or null (no route, or a resource). */
    public HandlerMethod handlerFor(HttpServletRequest request) {
        return handlerFor(new SideEffectFreeRequest(request));
    }

    /** The lookup on a probe whose attributes (the matched pattern among them) the caller may read afterwards. */
    private HandlerMethod handlerFor(SideEffectFreeRequest probe) {
        ServletRequestPathUtils.parseAndCache(probe);
        try {
            HandlerExecutionChain chain = mapping.getHandler(probe);
            return chain != null && chain.getHandler() instanceof HandlerMethod method ? method : null;
        } catch (Exception noMatch) {
            return null; // a wrong method or media type: the router answers it with an error, not a handler
        }
    }

    /** Fails the start-up when any handler could be reached without a deliberate access rule. */
    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = new ArrayList<>();
        for (Route route : routes()) {
            if (route.access().kind() == RouteAccess.Kind.UNDECLARED) {
                problems.add(route.handler() + " declares no access rule, or two (@PublicEndpoint, @RequiresScope, "
                        + "@AdminPage)");
            }
            route.access().scopes().stream().filter(scope -> !ApiScopes.isKnown(scope))
                    .forEach(scope -> problems.add(route.handler() + " requires the unknown scope " + scope));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Unsafe routes: " + String.join("; ", problems));
        }
    }

    private static Route route(RequestMappingInfo info, HandlerMethod handler) {
        Set<String> methods = new TreeSet<>();
        info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
        return new Route(Collections.unmodifiableSet(methods), info.getPatternValues(), handler,
                RouteAccess.of(handler));
    }

    /**
     * Looking a handler up writes request attributes (the parsed path, the matched pattern, URI variables); this
     * keeps them away from the real request, which the dispatcher later routes afresh.
     */
    private static final class SideEffectFreeRequest extends HttpServletRequestWrapper {

        private final Map<String, Object> written = new HashMap<>();

        SideEffectFreeRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return written.containsKey(name) ? written.get(name) : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new TreeSet<>(written.keySet());
            names.addAll(Collections.list(super.getAttributeNames()));
            return Collections.enumeration(names);
        }

        @Override
        public void setAttribute(String name, Object value) {
            written.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            written.put(name, null);
        }
    }
}
