package vn.motcua.identity.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.Role;
import vn.motcua.shared.web.ApiProblemHandler;

import java.io.IOException;
import java.util.List;

/**
 * Administrators must use a second factor: until an administrator has turned it on, every page but the account's
 * security page (and logout) leads there, and the API answers 403.
 */
public class SecondFactorRequiredFilter extends OncePerRequestFilter {
    static final String SECURITY_PAGE = "/tai-khoan/bao-mat";
    private static final List<String> ALWAYS = List.of(SECURITY_PAGE, "/dang-xuat", "/css/", "/js/", "/img/", "/webjars/", "/error", "/favicon.ico");
    private final AccountService accounts;
    private final ObjectMapper json;

    public SecondFactorRequiredFilter(AccountService accounts, ObjectMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null && auth.getPrincipal() instanceof MotCuaPrincipal p && p.user().has(Role.ADMIN)
                && ALWAYS.stream().noneMatch(path::startsWith) && !accounts.secondFactorEnabled(p.user().id())) {
            if (path.startsWith("/api/")) {
                response.setStatus(HttpStatus.FORBIDDEN.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getOutputStream(), ApiProblemHandler.problem(HttpStatus.FORBIDDEN, "Cần xác thực hai bước",
                        "Tài khoản quản trị phải bật xác thực hai bước (trang " + SECURITY_PAGE + ") trước khi dùng hệ thống.",
                        "second-factor-required", List.of()));
            } else {
                response.sendRedirect(request.getContextPath() + SECURITY_PAGE + "?bat-buoc");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
