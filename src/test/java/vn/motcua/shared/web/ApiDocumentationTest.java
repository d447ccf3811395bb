package vn.motcua.shared.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI document names how to authenticate and every error answer of every operation, and the API really answers
 * errors as problem+json. The document is written to {@code target/openapi.json}, where {@code bin/test} lints it with
 * Redocly CLI's recommended rules.
 */
@IntegrationTest
class ApiDocumentationTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @Test
    void everyOperationDocumentsItsSecurityAndErrors() throws Exception {
        String text = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), text);
        JsonNode doc = json.readTree(text);

        assertThat(doc.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/");
        List<String> checked = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode o = op.getValue();
            assertThat(o.path("summary").asText()).as(name + " summary").isNotBlank();
            assertThat(o.path("security").isArray()).as(name + " security").isTrue();
            boolean open = o.get("security").size() == 1 && o.get("security").get(0).isEmpty();
            assertThat(open).as(name + " public").isEqualTo((op.getKey().equals("get") && PublicApi.isPublicGet(path.getKey()))
                    || (op.getKey().equals("post") && PublicApi.isPublicPost(path.getKey())));
            JsonNode responses = o.get("responses");
            List<String> errors = new ArrayList<>();
            responses.fieldNames().forEachRemaining(s -> {
                if (s.startsWith("4")) {
                    errors.add(s);
                    assertThat(responses.get(s).at("/content").has("application/problem+json")).as(name + " " + s).isTrue();
                }
            });
            assertThat(errors).as(name + " errors").isNotEmpty();
            if (PublicApi.isPartner(path.getKey())) {
                // partner systems sign their calls: a wrong signature is 401; there is no role to lack
                assertThat(o.at("/security/0").has("partnerSignature")).as(name + " partner signature").isTrue();
                assertThat(errors).as(name).contains("401");
            } else if (!open) {
                assertThat(errors).as(name).contains("401", "403");
            }
            if (path.getKey().contains("{")) {
                assertThat(errors).as(name).contains("404");
            }
            if (!op.getKey().equals("get")) {
                assertThat(errors).as(name).contains("409", "422");
            }
            checked.add(name);
        }));
        assertThat(checked).contains("GET /api/v1/procedures", "POST /api/v1/dossiers/{id}/{action}", "POST /api/v1/tracking");
    }

    @Test
    void securityErrorsAreProblemJson() throws Exception {
        mvc.perform(get("/api/v1/dossiers").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"MotCua API\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.type").value("https://motcua.example.vn/problems/unauthorized"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Cần đăng nhập")));
        mvc.perform(get("/api/v1/dossiers").with(httpBasic("congdan", "sai-mat-khau")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/procedures").with(httpBasic("congdan", "MotCua@2026"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Không có quyền"));
        // a page still sends a browser to the login form
        mvc.perform(get("/can-bo").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
    }
}
