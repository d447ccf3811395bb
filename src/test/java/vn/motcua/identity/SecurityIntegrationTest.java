package vn.motcua.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ValidationException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SecurityIntegrationTest {
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AccountService accounts;
    @Autowired AgencyService agencies;

    @Test
    void passwordsAreStoredHashed() {
        String hash = jdbc.sql("select password_hash from user_account where username = 'kiemsoat'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("MotCua@2026");
    }

    @Test
    void loginWithLocalAccount() throws Exception {
        mvc.perform(formLogin("/dang-nhap").user("kiemsoat").password("MotCua@2026")).andExpect(authenticated().withUsername("kiemsoat"));
        mvc.perform(formLogin("/dang-nhap").user("kiemsoat").password("sai-mat-khau"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/dang-nhap?loi"));
    }

    @Test
    void formsNeedACsrfToken() throws Exception {
        mvc.perform(post("/dang-nhap").param("username", "kiemsoat").param("password", "MotCua@2026"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/dang-ky").param("username", "x")).andExpect(status().isForbidden());
    }

    @Test
    void adminPagesNeedTheRightRole() throws Exception {
        mvc.perform(get("/quan-tri/thu-tuc").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/dang-nhap"));
        mvc.perform(get("/quan-tri/thu-tuc").with(httpBasic("congdan", "MotCua@2026"))).andExpect(status().isForbidden());
        mvc.perform(get("/quan-tri/thu-tuc").with(httpBasic("kiemsoat", "MotCua@2026"))).andExpect(status().isOk());
        mvc.perform(get("/quan-tri/don-vi").with(httpBasic("kiemsoat", "MotCua@2026"))).andExpect(status().isForbidden());
        mvc.perform(get("/quan-tri/don-vi").with(httpBasic("quantri", "MotCua@2026"))).andExpect(status().isOk());
        mvc.perform(get("/quan-tri/tai-khoan").with(httpBasic("quantri", "MotCua@2026"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("kiemsoat.stp")));
    }

    @Test
    void lockedAccountsCannotLogIn() throws Exception {
        Account a = accounts.create(new NewAccount("khoa.thu", "MatKhau@123", "Người bị khóa", AccountType.OFFICER, null, null, null, null,
                List.of(new RoleGrant(Role.AUDITOR, agencies.findByCode("AG").orElseThrow().id()))));
        accounts.setEnabled(a.id(), false);
        mvc.perform(formLogin("/dang-nhap").user("khoa.thu").password("MatKhau@123")).andExpect(unauthenticated());
    }

    @Test
    void citizensRegisterThemselves() throws Exception {
        mvc.perform(post("/dang-ky").with(csrf()).param("username", "tran.thi.b").param("password", "MatKhau@2026")
                        .param("fullName", "Trần Thị B").param("type", "CITIZEN").param("idNumber", "089123456789").param("phone", "0987654321"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/dang-nhap"));
        Account b = accounts.list().stream().filter(a -> a.username().equals("tran.thi.b")).findFirst().orElseThrow();
        assertThat(b.roles()).containsExactly(new RoleGrant(Role.CITIZEN, null));
        mvc.perform(post("/dang-ky").with(csrf()).param("username", "tran.thi.b").param("password", "ngan").param("fullName", "")
                        .param("idNumber", "123").param("phone", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("đã được sử dụng")))
                .andExpect(content().string(containsString("ít nhất 8 ký tự")))
                .andExpect(content().string(containsString("12 chữ số")));
    }

    @Test
    void officerRolesMustNameAUnit() {
        assertThatThrownBy(() -> accounts.create(new NewAccount("khong.don.vi", "MatKhau@123", "Không đơn vị", AccountType.OFFICER, null, null,
                null, null, List.of(new RoleGrant(Role.LEADER, null)))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("phải gắn với một đơn vị");
        assertThat(accounts.list()).noneMatch(a -> a.username().equals("khong.don.vi"));
    }

    @Test
    void adminCreatesOfficerAccountsThroughThePage() throws Exception {
        long unit = agencies.findByCode("AG.P.LX.BPMC").orElseThrow().id();
        mvc.perform(post("/quan-tri/tai-khoan").with(httpBasic("quantri", "MotCua@2026")).with(csrf())
                        .param("username", "tiepnhan.moi").param("password", "MatKhau@2026").param("fullName", "Cán bộ mới")
                        .param("role", "RECEIVING_OFFICER").param("agencyId", String.valueOf(unit)))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.list()).anyMatch(a -> a.username().equals("tiepnhan.moi")
                && a.roles().contains(new RoleGrant(Role.RECEIVING_OFFICER, unit)));
    }
}
