package vn.motcua.catalog;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public catalog pages come from memory for anonymous visitors, with an ETag a browser can revalidate; a
 * publication shows at once; languages, htmx partials and logged-in users each get their own page.
 */
@IntegrationTest
class PublicPageCacheTest {
    @Autowired MockMvc mvc;
    @Autowired ProcedureAdminService admin;

    private MvcResult page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
    }

    @Test
    void anAnonymousVisitorGetsTheSamePageWithAnETagAndA304WhenNothingChanged() throws Exception {
        MvcResult first = page("/thu-tuc");
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.getResponse().getHeader("Cache-Control")).isEqualTo("public, no-cache");
        assertThat(first.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'");
        MvcResult second = page("/thu-tuc");
        assertThat(second.getResponse().getHeader("ETag")).isEqualTo(etag);
        assertThat(second.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        MvcResult revalidated = mvc.perform(get("/thu-tuc").header("If-None-Match", etag)).andExpect(status().isNotModified()).andReturn();
        assertThat(revalidated.getResponse().getContentAsByteArray()).isEmpty();
        // another page and the English one are pages of their own
        assertThat(page("/thu-tuc/1.001078").getResponse().getHeader("ETag")).isNotEqualTo(etag);
        MvcResult english = mvc.perform(get("/thu-tuc").cookie(new Cookie("motcua-lang", "en"))).andExpect(status().isOk()).andReturn();
        assertThat(english.getResponse().getHeader("ETag")).isNotEqualTo(etag);
        assertThat(english.getResponse().getContentAsString()).contains("lang=\"en\"");
        // htmx's live search asks for the same page (it picks the results out itself): the same content, the same tag
        MvcResult live = mvc.perform(get("/thu-tuc").header("HX-Request", "true")).andExpect(status().isOk()).andReturn();
        assertThat(live.getResponse().getHeader("ETag")).isEqualTo(etag);
    }

    @Test
    void aNewFieldShowsAtOnceAndLoggedInUsersAreNeverServedACopy() throws Exception {
        String before = page("/thu-tuc").getResponse().getContentAsString();
        String code = "PC" + (System.nanoTime() % 100000);
        admin.createField(code, "Lĩnh vực bộ nhớ đệm " + code);
        String after = page("/thu-tuc").getResponse().getContentAsString();
        assertThat(before).doesNotContain("Lĩnh vực bộ nhớ đệm " + code);
        assertThat(after).contains("Lĩnh vực bộ nhớ đệm " + code);
        MvcResult officer = mvc.perform(get("/thu-tuc").with(httpBasic("kiemsoat", "MotCua@2026"))).andExpect(status().isOk()).andReturn();
        assertThat(officer.getResponse().getHeader("ETag")).isNull();
        assertThat(officer.getResponse().getContentAsString()).contains("nav-logout");
    }
}
