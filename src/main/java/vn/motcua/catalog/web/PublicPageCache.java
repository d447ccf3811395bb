package vn.motcua.catalog.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.motcua.catalog.CatalogService;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.Digests;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The catalog's public pages for anonymous visitors — what citizens open most — served from memory. A page is the
 * same for every anonymous visitor of a language on a day until the catalog changes, so its HTML is kept keyed by
 * path, query, language, htmx request (in case a page answers htmx with a fragment) and day, and dropped when this node publishes (the catalog's generation) or
 * after a short time to live (a change made on another node). Every answer carries a strong ETag: a browser's
 * conditional request gets 304 without a body. Logged-in users, visitors with a session, other paths, a language
 * switch and anything that sets a cookie or starts a session go through as before.
 */
@Component
class PublicPageCache extends OncePerRequestFilter {
    private static final Pattern PATHS = Pattern.compile("/|/thu-tuc|/thu-tuc/[^/]+|/thu-tuc/[^/]+/phien-ban/\\d+|/thu-tuc/[^/]+/niem-yet|/thong-ke/cong-bo");
    private static final long TTL_NANOS = Duration.ofSeconds(30).toNanos();
    private static final int MAX_PAGES = 2_000;
    private static final int MAX_KEY = 600;

    private record Page(byte[] body, String contentType, String language, String etag, long generation, long storedAt) {
    }

    private final CatalogService catalog;
    private final AgencyService agencies;
    private final Map<String, Page> pages = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
            return size() > MAX_PAGES;
        }
    };

    PublicPageCache(CatalogService catalog, AgencyService agencies) {
        this.catalog = catalog;
        this.agencies = agencies;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getParameter("lang") != null
                || !PATHS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // a visitor with a session may have something of his own to see (a flash message): the page is made for him
        if (auth != null && !(auth instanceof AnonymousAuthenticationToken) || request.getSession(false) != null) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        if (key.length() > MAX_KEY) {
            chain.doFilter(request, response);
            return;
        }
        long generation = catalog.generation();
        Page page;
        synchronized (pages) {
            page = pages.get(key);
        }
        if (page != null && page.generation() == generation && System.nanoTime() - page.storedAt() < TTL_NANOS) {
            answer(request, response, page);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        String type = wrapper.getContentType();
        if (wrapper.getStatus() == 200 && type != null && type.startsWith("text/html") && !wrapper.getHeaderNames().contains("Set-Cookie")
                && request.getSession(false) == null) {
            byte[] body = wrapper.getContentAsByteArray();
            Page fresh = new Page(body, type, wrapper.getHeader("Content-Language"), "\"" + Digests.sha256Hex(body).substring(0, 32) + "\"", generation,
                    System.nanoTime());
            synchronized (pages) {
                pages.put(key, fresh);
            }
            headers(wrapper, fresh);
        }
        wrapper.copyBodyToResponse();
    }

    private String key(HttpServletRequest request) {
        String language = "vi";
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if ("motcua-lang".equals(c.getName())) {
                    language = c.getValue();
                }
            }
        }
        return request.getRequestURI() + '?' + (request.getQueryString() == null ? "" : request.getQueryString()) + '|' + language + '|'
                + (request.getHeader("HX-Request") != null) + '|' + agencies.today();
    }

    private static void headers(HttpServletResponse response, Page page) {
        response.setHeader("ETag", page.etag());
        // a copy may be kept but must be checked each time (the catalog can change at any publication)
        response.setHeader("Cache-Control", "public, no-cache");
        response.setHeader("Vary", "Cookie, HX-Request");
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, Page page) throws IOException {
        headers(response, page);
        String match = request.getHeader("If-None-Match");
        if (match != null && (match.equals(page.etag()) || match.contains(page.etag()))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(page.contentType());
        if (page.language() != null) {
            response.setHeader("Content-Language", page.language());
        }
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }
}
