package org.provisiontimeline.api;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
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
    void rejectUnknown(UriInfo uri, ResourceInfo resource, RoutingContext rc) {
        Method method = resource.getResourceMethod();
        if (method == null || !uri.getPath().startsWith("/api/")) {
            return;
        }
        Set<String> names = known.computeIfAbsent(method, StrictQueryParameters::queryNames);
        // The router's decoded parameters, which the resource's own parameters are read from too: iterating them
        // costs no copy (UriInfo.getQueryParameters() builds two maps per request, issue 15).
        MultiMap params = rc.queryParams();
        for (String name : params.names()) {
            if (!names.contains(name)) {
                throw new ApiException(400, "unknown-parameter", "Unknown query parameter",
                        "Query parameter '" + name + "' is not known here; accepted: "
                                + (names.isEmpty() ? "none" : String.join(", ", names)),
                        List.of(Problem.ProblemError.atParameter(name, "unknown parameter")));
            }
            List<String> values = params.getAll(name);
            if (values.contains("")) {
                throw ApiException.badParameter(name, "", "a value (leave the parameter out for its default)");
            }
            if (values.size() > 1) {
                throw ApiException.badParameter(name, String.join("', '", values),
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
