package vn.motcua.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.notification.NotificationMessage;
import vn.motcua.notification.NotificationService;
import vn.motcua.notification.NotificationTemplate;
import vn.motcua.notification.Preferences;
import vn.motcua.shared.NotFoundException;

import java.util.List;

/** JSON API of the notification module: a dossier's delivery log, the templates, the caller's channels. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notifications", description = "Thông báo cho người nộp: nhật ký gửi, mẫu, kênh nhận")
public class NotificationApiController {
    private final NotificationService notifications;
    private final DossierService dossiers;

    public NotificationApiController(NotificationService notifications, DossierService dossiers) {
        this.notifications = notifications;
        this.dossiers = dossiers;
    }

    public record PreferencesBody(long rowVersion, boolean email, boolean sms, boolean zalo) {
    }

    @GetMapping(path = "/dossiers/{id}/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Nhật ký thông báo của hồ sơ: từng tin, kênh, trạng thái và các lần gửi")
    public List<NotificationMessage> ofDossier(@PathVariable long id) {
        Dossier d = dossiers.get(id);
        if (!dossiers.maySee(CurrentUser.get().orElseThrow(), d)) {
            throw new NotFoundException("Không tìm thấy hồ sơ.");
        }
        return notifications.ofDossier(id);
    }

    @GetMapping(path = "/notification-templates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Các mẫu thông báo (quản trị, kiểm soát TTHC)")
    public List<NotificationTemplate> templates() {
        return notifications.templates();
    }

    @GetMapping(path = "/me/notification-preferences", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Các kênh nhận thông báo của tài khoản (mặc định: thư điện tử và SMS)")
    public Preferences preferences() {
        return notifications.preferences(CurrentUser.get().orElseThrow().username());
    }

    @PutMapping(path = "/me/notification-preferences", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Chọn kênh nhận thông báo (rowVersion -1 khi chưa từng chọn)")
    public Preferences savePreferences(@RequestBody PreferencesBody body) {
        return notifications.savePreferences(CurrentUser.get().orElseThrow().username(), body.rowVersion(), body.email(), body.sms(), body.zalo());
    }
}
