package vn.motcua.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Serial;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Limits every text that comes in, in one place, before any controller sees it: no value longer than
 * {@link #MAX_TEXT} characters and no control characters (NUL and the like; tab and line breaks are fine), in query
 * and form parameters (a filter) and in JSON strings (a Jackson deserializer). A refused request gets 422 with a
 * Vietnamese message (problem+json for the API) and reaches nothing that could save it. Each field's own, shorter
 * limit is checked by the service that stores it; a value the database still refuses is a 422 too
 * ({@link ApiProblemHandler}, {@link PageErrorHandler}).
 */
@Configuration(proxyBeanMethods = false)
public class InputLimits {
    /** The longest text any field takes (long notes and reasons included). */
    public static final int MAX_TEXT = 10_000;

    /** Why a text is refused, or empty. */
    public static Optional<String> problem(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > MAX_TEXT) {
            return Optional.of("Trường \"" + shortName(name) + "\" dài quá " + MAX_TEXT + " ký tự.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF') {
                return Optional.of("Trường \"" + shortName(name) + "\" chứa ký tự điều khiển không hợp lệ.");
            }
        }
        return Optional.empty();
    }

    private static String shortName(String name) {
        return name == null ? "" : name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> inputLimitFilter(ObjectMapper json,
                                                                 org.springframework.beans.factory.ObjectProvider<ResourceUrlProvider> resources) {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new ParameterFilter(json, resources));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return bean;
    }

    /** JSON strings pass the same check. */
    @Bean
    SimpleModule inputLimitJsonModule() {
        SimpleModule m = new SimpleModule("motcua-input-limits");
        m.addDeserializer(String.class, new LimitedString());
        return m;
    }

    /** Thrown while reading JSON; the API answers 422 with its message. */
    public static class RejectedText extends JsonMappingException {
        @Serial
        private static final long serialVersionUID = 1L;

        RejectedText(JsonParser p, String message) {
            super(p, message);
        }
    }

    static final class LimitedString extends StdScalarDeserializer<String> {
        @Serial
        private static final long serialVersionUID = 1L;

        LimitedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            Optional<String> problem = problem(p.currentName(), value);
            if (problem.isPresent()) {
                throw new RejectedText(p, problem.get());
            }
            return value;
        }
    }

    static final class ParameterFilter extends OncePerRequestFilter {
        private final ObjectMapper json;
        private final org.springframework.beans.factory.ObjectProvider<ResourceUrlProvider> resources;

        ParameterFilter(ObjectMapper json, org.springframework.beans.factory.ObjectProvider<ResourceUrlProvider> resources) {
            this.json = json;
            this.resources = resources;
        }

        /** The style sheet's address as the pages link it (its name carries its content's hash). */
        private String styleSheet() {
            ResourceUrlProvider urls = resources.getIfAvailable();
            String versioned = urls == null ? null : urls.getForLookupPath("/css/motcua.css");
            return versioned == null ? "/css/motcua.css" : versioned;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<String> problem = problem("địa chỉ", request.getRequestURI());
            String type = request.getContentType();
            if (problem.isEmpty() && (type == null || !type.toLowerCase().startsWith("multipart/"))) {
                // multipart forms: their text fields are checked where they are read (files have their own checks)
                for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
                    problem = problem("tên tham số", e.getKey());
                    for (String v : e.getValue()) {
                        problem = problem.or(() -> problem(e.getKey(), v));
                    }
                    if (problem.isPresent()) {
                        break;
                    }
                }
            }
            if (problem.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            response.setCharacterEncoding("UTF-8");
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(), ApiProblemHandler.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Dữ liệu không hợp lệ",
                        problem.get(), "validation", List.of()));
            } else {
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>Dữ liệu không hợp lệ — MotCua</title><link rel=\"stylesheet\" href=\"" + request.getContextPath() + styleSheet() + "\"></head>"
                        + "<body><main id=\"main\" class=\"wrap\"><h1>Dữ liệu không hợp lệ</h1><p role=\"alert\">"
                        + org.springframework.web.util.HtmlUtils.htmlEscape(problem.get())
                        + " Không có gì được lưu. Vui lòng quay lại, sửa và gửi lại.</p><p><a href=\"" + request.getContextPath() + "/\">Trang chủ</a></p></main></body></html>");
            }
        }
    }
}
