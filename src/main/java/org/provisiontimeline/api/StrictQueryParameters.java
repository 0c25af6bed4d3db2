package org.provisiontimeline.api;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses query parameters an endpoint does not know: {@code ?dat=2024-06-01} must not silently answer for today.
 * The known names are read once per resource method from its {@code @RestQuery}/{@code @QueryParam} parameters.
 */
class StrictQueryParameters {

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    void rejectUnknown(UriInfo uri, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !uri.getPath().startsWith("/api/")) {
            return;
        }
        Set<String> names = known.computeIfAbsent(method, StrictQueryParameters::queryNames);
        for (Map.Entry<String, List<String>> e : uri.getQueryParameters().entrySet()) {
            if (!names.contains(e.getKey())) {
                throw new ApiException(400, "unknown-parameter", "Unknown query parameter",
                        "Query parameter '" + e.getKey() + "' is not known here; accepted: "
                                + (names.isEmpty() ? "none" : String.join(", ", names)),
                        List.of(Problem.ProblemError.atParameter(e.getKey(), "unknown parameter")));
            }
            if (e.getValue().stream().anyMatch(String::isEmpty)) {
                throw ApiException.badParameter(e.getKey(), "", "a value (leave the parameter out for its default)");
            }
            if (e.getValue().size() > 1) {
                throw ApiException.badParameter(e.getKey(), String.join("', '", e.getValue()),
                        "a single value (the parameter is repeated)");
            }
        }
    }

    private static Set<String> queryNames(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : method.getParameters()) {
            RestQuery rest = p.getAnnotation(RestQuery.class);
            QueryParam query = p.getAnnotation(QueryParam.class);
            if (rest != null) {
                names.add(rest.value().isEmpty() ? p.getName() : rest.value());
            } else if (query != null) {
                names.add(query.value());
            }
        }
        return names;
    }
}
