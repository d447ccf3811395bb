/**
 * Working-day calendar: public holidays of the Labour Code 2019 (Art. 112) including the lunar ones
 * (Tết Nguyên đán, Giỗ Tổ Hùng Vương), compensatory days off, the yearly decisions an administrator
 * enters (extra days off, working Saturdays), office hours and the cut-off for dossiers received late
 * in the day. Public API: {@link vn.motcua.calendar.WorkingCalendarService} and the plain-Java
 * {@link vn.motcua.calendar.WorkingCalendar} it hands out.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar")
package vn.motcua.calendar;
