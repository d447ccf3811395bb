package vn.motcua.calendar;

import vn.motcua.TestLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;
import vn.motcua.shared.ValidationException;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CalendarIntegrationTest {
    @Autowired WorkingCalendarService calendars;
    @Autowired MockMvc mvc;

    @Test
    void administratorsEnterYearlyDecisions() throws Exception {
        LocalDate saturday = LocalDate.of(2031, 5, 10);
        assertThat(calendars.calendar().isWorkingDay(saturday)).isFalse();
        mvc.perform(post("/quan-tri/lich").with(TestLogins.admin()).with(csrf())
                        .param("day", "2031-05-10").param("kind", "WORKING_DAY").param("reason", "Thông báo 123/TB-BNV: làm bù"))
                .andExpect(status().is3xxRedirection());
        assertThat(calendars.calendar().isWorkingDay(saturday)).isTrue();
        mvc.perform(post("/quan-tri/lich").with(TestLogins.admin()).with(csrf())
                        .param("day", "2031-05-10").param("kind", "DAY_OFF").param("reason", "trùng"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("đã có quyết định")));
        assertThatThrownBy(() -> calendars.add(new Adjustment(LocalDate.of(2031, 5, 12), DayKind.WORKING_DAY, "x"), "t"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("vốn đã là ngày làm việc");
        mvc.perform(get("/api/v1/calendar/2031")).andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions[0].reason").value("Thông báo 123/TB-BNV: làm bù"));
        mvc.perform(post("/quan-tri/lich/xoa").with(TestLogins.admin()).with(csrf()).param("day", "2031-05-10"))
                .andExpect(status().is3xxRedirection());
        assertThat(calendars.calendar().isWorkingDay(saturday)).isFalse();
        mvc.perform(get("/quan-tri/lich").param("nam", "2026").with(TestLogins.admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Giỗ Tổ Hùng Vương")))
                .andExpect(content().string(containsString("Lịch ngày làm việc năm 2026<")));
    }

    @Test
    void dueDatesThroughTheApi() throws Exception {
        mvc.perform(get("/api/v1/calendar/due").param("received", "2026-02-12T10:00:00").param("days", "2"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.due").value("2026-02-23T10:00:00"));
        mvc.perform(get("/api/v1/calendar/due").param("received", "2026-02-12T10:00:00").param("days", "-1"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/api/v1/calendar/1800")).andExpect(status().isUnprocessableEntity());
    }
}
