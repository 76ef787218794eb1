package io.timetracker.api.docs;

import io.timetracker.api.auth.RouteAccess;
import io.timetracker.api.auth.RouteTable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every handler method's {@link OperationDoc}, collected from the features' {@link ApiDocumentation} beans. The
 * application does not start while a route of the API has none, or a description names no handler: the document
 * cannot silently lose an endpoint.
 */
@Component
public class ApiDocs implements SmartInitializingSingleton {

    /** A tag (a group of operations in Swagger UI) and what it is about. */
    public record Tag(String name, String description) {
    }

    private final RouteTable routes;
    private final List<ApiDocumentation> features;
    private final Map<String, OperationDoc> operations = new LinkedHashMap<>();
    private final List<Tag> tags = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private String currentTag;

    public ApiDocs(RouteTable routes, List<ApiDocumentation> features) {
        this.routes = routes;
        this.features = features;
    }

    /** Starts a group: the operations described next belong to it. */
    public void tag(String name, String description) {
        tags.add(new Tag(name, description));
        currentTag = name;
    }

    /** The description of {@code controller}'s handler method {@code method}. */
    public OperationDoc operation(Class<?> controller, String method) {
        if (Arrays.stream(controller.getDeclaredMethods()).noneMatch(candidate -> candidate.getName().equals(method))) {
            problems.add(controller.getSimpleName() + " has no handler method " + method);
        }
        if (currentTag == null) {
            problems.add(controller.getSimpleName() + "." + method + " is described before any tag");
        }
        OperationDoc doc = new OperationDoc(currentTag);
        operations.put(key(controller, method), doc);
        return doc;
    }

    /** The description of {@code handler}, or null. */
    OperationDoc of(HandlerMethod handler) {
        return operations.get(key(handler.getBeanType(), handler.getMethod().getName()));
    }

    List<Tag> tags() {
        return tags;
    }

    /** Whether the route belongs in the document: the API's own, not the document's pages or the error page. */
    static boolean isApi(RouteTable.Route route) {
        return route.patterns().stream().allMatch(pattern -> pattern.startsWith("/api/v1/"))
                && route.access().kind() != RouteAccess.Kind.UNDECLARED;
    }

    @Override
    public void afterSingletonsInstantiated() {
        features.forEach(feature -> {
            currentTag = null;
            feature.describe(this);
        });
        for (RouteTable.Route route : routes.routes()) {
            OperationDoc doc = isApi(route) ? of(route.handler()) : null;
            if (isApi(route) && doc == null) {
                problems.add(route.methods() + " " + route.patterns() + " (" + route.handler()
                        + ") has no OperationDoc: describe it in its feature's ApiDocumentation");
            } else if (doc != null) {
                route.methods().stream().filter(method -> doc.idFor(method) == null)
                        .forEach(method -> problems.add(route.handler() + " has no operation id for " + method));
                if (doc.answer == null) {
                    problems.add(route.handler() + " has no documented answer");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Undocumented API: " + String.join("; ", problems));
        }
    }

    private static String key(Class<?> controller, String method) {
        return controller.getName() + "#" + method;
    }
}
