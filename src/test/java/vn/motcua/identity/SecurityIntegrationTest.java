package vn.motcua.identity;

import vn.motcua.TestLogins;
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
        mvc.perform(get("/quan-tri/don-vi").with(TestLogins.admin())).andExpect(status().isOk());
        mvc.perform(get("/quan-tri/tai-khoan").with(TestLogins.admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("kiemsoat.stp")));
    }

    @Test
    void lockedAccountsCannotLogIn() throws Exception {
        Account a = accounts.create(new NewAccount("khoa.thu", "Sen-Vang-Nam-2026", "Người bị khóa", AccountType.OFFICER, null, null, null, null,
                List.of(new RoleGrant(Role.AUDITOR, agencies.findByCode("AG").orElseThrow().id()))));
        accounts.setEnabled(a.id(), false);
        mvc.perform(formLogin("/dang-nhap").user("khoa.thu").password("Sen-Vang-Nam-2026")).andExpect(unauthenticated());
    }

    @Test
    void citizensRegisterThemselves() throws Exception {
        mvc.perform(post("/dang-ky").with(csrf()).param("username", "tran.thi.b").param("password", "Sen-Vang-Nam-2026")
                        .param("fullName", "Trần Thị B").param("type", "CITIZEN").param("idNumber", "089123456789").param("phone", "0987654321"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/dang-nhap"));
        Account b = accounts.list().stream().filter(a -> a.username().equals("tran.thi.b")).findFirst().orElseThrow();
        assertThat(b.roles()).containsExactly(new RoleGrant(Role.CITIZEN, null));
        mvc.perform(post("/dang-ky").with(csrf()).param("username", "tran.thi.b").param("password", "ngan").param("fullName", "")
                        .param("idNumber", "123").param("phone", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ít nhất 10 ký tự")))
                .andExpect(content().string(containsString("12 chữ số")));
    }

    @Test
    void registrationDoesNotTellWhoHasAnAccount() throws Exception {
        String taken = "Không thể đăng ký với tên đăng nhập và số định danh này";
        // a taken username and a taken ID number get the same answer; the ID number cannot be registered twice
        mvc.perform(post("/dang-ky").with(csrf()).with(r -> { r.setRemoteAddr("10.9.0.1"); return r; }).param("username", "congdan")
                        .param("password", "Sen-Vang-Nam-2026").param("fullName", "Ai Đó").param("idNumber", "089199000001"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(taken)));
        String existingId = jdbc.sql("select id_number from user_account where username = 'congdan'").query(String.class).single();
        mvc.perform(post("/dang-ky").with(csrf()).with(r -> { r.setRemoteAddr("10.9.0.1"); return r; }).param("username", "nguoi.moi.2")
                        .param("password", "Sen-Vang-Nam-2026").param("fullName", "Ai Đó").param("idNumber", existingId))
                .andExpect(status().isOk()).andExpect(content().string(containsString(taken)));
        assertThat(accounts.list()).noneMatch(a -> a.username().equals("nguoi.moi.2"));
    }

    @Test
    void commonAndShortPasswordsAreRefused() {
        for (String weak : new String[]{"12345678", "1234567890", "password123", "Matkhau@123", "qwertyuiop", "aaaaaaaaaaaa", "nguoi.yeu.2026x"}) {
            assertThatThrownBy(() -> accounts.register(new NewAccount("nguoi.yeu.2026x", weak, "Người Yêu", AccountType.CITIZEN, null, null,
                    null, null, null))).as(weak).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void officerRolesMustNameAUnit() {
        assertThatThrownBy(() -> accounts.create(new NewAccount("khong.don.vi", "Sen-Vang-Nam-2026", "Không đơn vị", AccountType.OFFICER, null, null,
                null, null, List.of(new RoleGrant(Role.LEADER, null)))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("phải gắn với một đơn vị");
        assertThat(accounts.list()).noneMatch(a -> a.username().equals("khong.don.vi"));
    }

    @Test
    void adminCreatesOfficerAccountsThroughThePage() throws Exception {
        long unit = agencies.findByCode("AG.P.LX.BPMC").orElseThrow().id();
        mvc.perform(post("/quan-tri/tai-khoan").with(TestLogins.admin()).with(csrf())
                        .param("username", "tiepnhan.moi").param("password", "Sen-Vang-Nam-2026").param("fullName", "Cán bộ mới")
                        .param("role", "RECEIVING_OFFICER").param("agencyId", String.valueOf(unit)))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.list()).anyMatch(a -> a.username().equals("tiepnhan.moi")
                && a.roles().contains(new RoleGrant(Role.RECEIVING_OFFICER, unit)));
    }

    @Autowired vn.motcua.identity.internal.LoginThrottle throttle;

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile() throws Exception {
        accounts.register(new NewAccount("doan.mo.khoa", "Sen-Vang-Nam-2026", "Người Thử Khóa", AccountType.CITIZEN, null, null, null, null, null));
        try {
            for (int i = 0; i < 5; i++) {
                mvc.perform(loginFrom("doan.mo.khoa", "sai-" + i + "-mat-khau", "10.1.0." + i))
                        .andExpect(redirectedUrl("/dang-nhap?loi"));
            }
            // from the sixth failure on, the next attempt waits (1 s, 2 s, 4 s …): even the right password is not checked
            mvc.perform(loginFrom("doan.mo.khoa", "sai-nua", "10.1.0.9"));
            mvc.perform(loginFrom("doan.mo.khoa", "Sen-Vang-Nam-2026", "10.1.0.10"))
                    .andExpect(unauthenticated()).andExpect(redirectedUrlPattern("/dang-nhap?tam-khoa=*"));
            mvc.perform(get("/api/v1/dossiers").with(httpBasic("doan.mo.khoa", "Sen-Vang-Nam-2026")).with(from("10.1.0.11")))
                    .andExpect(status().isTooManyRequests()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().exists("Retry-After"));
            mvc.perform(get("/dang-nhap").param("tam-khoa", "2 giây")).andExpect(content().string(containsString("thử lại sau 2 giây")));
        } finally {
            throttle.clear();
        }
        mvc.perform(formLogin("/dang-nhap").user("doan.mo.khoa").password("Sen-Vang-Nam-2026")).andExpect(authenticated());
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedDown() throws Exception {
        try {
            for (int i = 0; i < 21; i++) {
                mvc.perform(loginFrom("khong-co-" + i, "doan-bua-" + i, "10.2.0.1"));
            }
            mvc.perform(loginFrom("kiemsoat", vn.motcua.TestLogins.PASSWORD, "10.2.0.1"))
                    .andExpect(unauthenticated()).andExpect(redirectedUrlPattern("/dang-nhap?tam-khoa=*"));
            mvc.perform(loginFrom("kiemsoat", vn.motcua.TestLogins.PASSWORD, "10.2.0.2"))
                    .andExpect(authenticated());
        } finally {
            throttle.clear();
        }
    }

    @Test
    void aSecondFactorIsNeededOnceTurnedOnAndEachCodeWorksOnce() throws Exception {
        Account a = accounts.register(new NewAccount("hai.buoc", "Sen-Vang-Nam-2026", "Người Hai Bước", AccountType.CITIZEN, null, null, null, null, null));
        String secret = vn.motcua.identity.domain.Totp.newSecret();
        accounts.enableSecondFactor(a.id(), secret, vn.motcua.identity.domain.Totp.code(secret, java.time.Instant.now()));
        try {
            mvc.perform(formLogin("/dang-nhap").user("hai.buoc").password("Sen-Vang-Nam-2026"))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/dang-nhap?loi-ma"));
            jdbc.sql("update user_account set totp_last_step = null where id = ?").param(a.id()).update();
            String code = vn.motcua.identity.domain.Totp.code(secret, java.time.Instant.now());
            mvc.perform(post("/dang-nhap").with(csrf()).param("username", "hai.buoc").param("password", "Sen-Vang-Nam-2026").param("otp", code))
                    .andExpect(authenticated());
            mvc.perform(post("/dang-nhap").with(csrf()).param("username", "hai.buoc").param("password", "Sen-Vang-Nam-2026").param("otp", code))
                    .andExpect(unauthenticated());
        } finally {
            throttle.clear();
        }
    }

    @Test
    void administratorsMustTurnOnTheSecondFactorFirst() throws Exception {
        accounts.create(new NewAccount("quantri.moi", "Sen-Vang-Nam-2026", "Quản trị mới", AccountType.OFFICER, null, null, null, null,
                List.of(new RoleGrant(Role.ADMIN, agencies.findByCode("AG").orElseThrow().id()))));
        mvc.perform(get("/quan-tri/don-vi").with(httpBasic("quantri.moi", "Sen-Vang-Nam-2026")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tai-khoan/bao-mat?bat-buoc"));
        mvc.perform(get("/api/v1/agencies/tree").with(httpBasic("quantri.moi", "Sen-Vang-Nam-2026")))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString("second-factor-required")));
        mvc.perform(get("/tai-khoan/bao-mat").with(httpBasic("quantri.moi", "Sen-Vang-Nam-2026")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("start-2fa")));
        mvc.perform(get("/quan-tri/don-vi").with(vn.motcua.TestLogins.admin())).andExpect(status().isOk());
    }

    @Test
    void csrfIsSkippedOnlyForRealHttpBasic() throws Exception {
        mvc.perform(post("/api/v1/calendar/adjustments").header("Authorization", "Bearer abc").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/").secure(true)).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Strict-Transport-Security", containsString("max-age=31536000")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void wrongCurrentPasswordsOnTheSecurityPageAreThrottledLikeLogins() {
        Account a = accounts.register(new NewAccount("doi.mat.khau", "Sen-Vang-Nam-2026", "Người Đổi Mật Khẩu", AccountType.CITIZEN, null, null, null, null, null));
        try {
            for (int i = 0; i < 6; i++) {
                assertThatThrownBy(() -> accounts.changePassword(a.id(), "doan-sai-mat-khau", "Hoa-Sen-Moi-2027"))
                        .isInstanceOf(ValidationException.class).hasMessageContaining("Mật khẩu hiện tại không đúng");
            }
            // now even the right password waits
            assertThatThrownBy(() -> accounts.changePassword(a.id(), "Sen-Vang-Nam-2026", "Hoa-Sen-Moi-2027"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("quá nhiều lần");
        } finally {
            throttle.clear();
        }
        accounts.changePassword(a.id(), "Sen-Vang-Nam-2026", "Hoa-Sen-Moi-2027");
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder loginFrom(String user, String password, String address) {
        return post("/dang-nhap").with(csrf()).param("username", user).param("password", password).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }
}
