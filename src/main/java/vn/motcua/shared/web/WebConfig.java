package vn.motcua.shared.web;

import org.springframework.web.servlet.LocaleResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import vn.motcua.shared.ApplicationClock;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

/** Vietnamese first, English on request (?lang=en, remembered in a cookie); the clock of Việt Nam. */
@Configuration
public class WebConfig implements WebMvcConfigurer {
    public static final ZoneId VIETNAM = ApplicationClock.VIETNAM;

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("motcua-lang");
        resolver.setDefaultLocale(Locale.forLanguageTag("vi"));
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Bean
    Clock clock() {
        return new ApplicationClock();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        registry.addInterceptor(interceptor);
    }
}
