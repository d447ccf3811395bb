package vn.motcua.shared.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import java.time.Duration;

/**
 * Styles, scripts and webjars, linked by a name that carries their content's hash ({@code /css/motcua-<md5>.css}) and
 * served to be kept a year: a browser downloads each once per release, and a page costs a returning visitor its HTML
 * only. Spring Security's default headers would otherwise make every one {@code no-store}.
 * <p>
 * Only {@code /css/**}, {@code /js/**} and {@code /webjars/**} are static ({@code spring.web.resources.add-mappings} is
 * off): with Spring Boot's catch-all {@code /**} mapping, the filter that puts the hash into the pages' links looked for
 * every link of every page (a dossier, a procedure) as a file on the class path, through every jar, and found nothing.
 */
@Configuration
class StaticResources implements WebMvcConfigurer {
    private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        hashed(registry, "/css/**", "classpath:/static/css/");
        hashed(registry, "/js/**", "classpath:/static/js/");
        // versionless webjar links (/webjars/htmx.org/dist/htmx.min.js) are resolved by the webjars locator of the chain
        hashed(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/");
    }

    private static void hashed(ResourceHandlerRegistry registry, String pattern, String location) {
        registry.addResourceHandler(pattern).addResourceLocations(location).setCacheControl(A_YEAR)
                .resourceChain(true).addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    /** Rewrites the links Thymeleaf builds ({@code @{/css/motcua.css}}) to their hashed names. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        return new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    }
}
