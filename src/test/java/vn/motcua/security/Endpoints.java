package vn.motcua.security;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The application's own list of endpoints ("METHOD /path/{var}"), read from Spring MVC's handler mappings. */
final class Endpoints {
    private Endpoints() {
    }

    static Map<String, HandlerMethod> of(RequestMappingHandlerMapping mapping) {
        Map<String, HandlerMethod> result = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            String type = e.getValue().getBeanType().getName();
            if (!type.startsWith("vn.motcua.")) {
                continue; // springdoc, error controller: not ours
            }
            Set<String> methods = new TreeSet<>();
            e.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            for (String pattern : e.getKey().getPatternValues()) {
                for (String m : methods) {
                    result.put(m + " " + pattern, e.getValue());
                }
            }
        }
        return result;
    }
}
