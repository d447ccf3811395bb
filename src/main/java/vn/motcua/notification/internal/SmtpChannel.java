package vn.motcua.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.motcua.notification.MessageChannel;
import vn.motcua.notification.NotificationChannel;

import java.nio.charset.StandardCharsets;

/** E-mail over SMTP (Spring's JavaMailSender): plain UTF-8 text, the queue's idempotency key in a header. */
@Component
class SmtpChannel implements MessageChannel {
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    SmtpChannel(ObjectProvider<JavaMailSender> mail, @Value("${motcua.mail.from:motcua@localhost}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public String send(Outgoing m) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new Failed("Chưa cấu hình máy chủ thư (spring.mail.host).", null);
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper h = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            h.setFrom(from);
            h.setTo(m.recipient());
            h.setSubject(m.subject() == null ? "[MotCua] " + m.dossierCode() : m.subject());
            h.setText(m.body(), false);
            // the queue's key travels with the message, so that a mailbox (or an audit) can tell a retry from a new message
            message.setHeader("X-MotCua-Message", m.idempotencyKey());
            sender.send(message);
            return message.getMessageID();
        } catch (MessagingException | MailException e) {
            throw new Failed("Gửi thư không thành công: " + e.getMessage(), e);
        }
    }
}
