package vn.motcua.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Styles and scripts are linked by names that carry their content's hash and are served to be kept a year: a page costs a
 * returning visitor its HTML only. The pages themselves are never kept by a shared cache.
 */
@IntegrationTest
class StaticResourcesTest {
    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"");

    @Autowired MockMvc mvc;
    @Autowired org.springframework.web.servlet.resource.ResourceUrlProvider resources;

    @Test
    void pagesLinkStylesAndScriptsByTheirContentsHashAndTheyAreKeptAYear() throws Exception {
        List<String> linked = new ArrayList<>();
        // the home page, the catalog (kept in the page cache) and the public index with its charts (ECharts from a webjar)
        for (String page : List.of("/", "/thu-tuc", "/thong-ke/chi-so")) {
            MvcResult r = mvc.perform(get(page)).andExpect(status().isOk()).andReturn();
            Matcher m = LINKED.matcher(r.getResponse().getContentAsString());
            while (m.find()) {
                linked.add(m.group(1));
            }
        }
        assertThat(linked).as("the pages link the style sheet, htmx, the site's scripts and the charts' library")
                .anyMatch(u -> u.matches("/css/motcua-[0-9a-f]{32}\\.css"))
                .anyMatch(u -> u.matches("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min-[0-9a-f]{32}\\.js"))
                .anyMatch(u -> u.matches("/js/motcua-[0-9a-f]{32}\\.js"))
                .anyMatch(u -> u.matches("/webjars/echarts/[0-9.]+/dist/echarts\\.min-[0-9a-f]{32}\\.js"));
        for (String url : linked.stream().distinct().toList()) {
            assertThat(url).as("every style and script is linked by its hash").matches(".*-[0-9a-f]{32}\\.(css|js)");
            MvcResult r = mvc.perform(get(url)).andExpect(status().isOk()).andReturn();
            assertThat(r.getResponse().getContentAsByteArray()).as(url).isNotEmpty();
            assertThat(r.getResponse().getHeader("Cache-Control")).as(url).isEqualTo("max-age=31536000, public");
        }
        // a name with a hash that is not the content's is not served (an old page cannot get a new script under it)
        String css = linked.stream().filter(u -> u.startsWith("/css/")).findFirst().orElseThrow();
        mvc.perform(get(css.replaceAll("-[0-9a-f]{32}", "-00000000000000000000000000000000"))).andExpect(status().isNotFound());
        // a style sheet that is not there is a plain 404; the API viewer (springdoc) still serves its own files
        mvc.perform(get("/css/khong-co.css")).andExpect(status().isNotFound());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        // only assets are files: a page's other links (/thu-tuc/…, /can-bo/…) are not looked for on the class path
        assertThat(resources.getHandlerMap().keySet()).as("static mappings").contains("/css/**", "/js/**", "/webjars/**")
                .doesNotContain("/**");
        assertThat(resources.getForLookupPath("/thu-tuc/1.001078")).isNull();
        // the pages themselves: no shared cache keeps a page a person is logged in to
        String pageCache = mvc.perform(get("/dang-nhap")).andReturn().getResponse().getHeader("Cache-Control");
        assertThat(pageCache).contains("no-store");
    }
}
