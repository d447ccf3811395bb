package vn.motcua.simulators;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The running simulators, for their pages and for the tests. */
public class Simulators {
    private final PayGovSimulator payGov;
    private final MessageInbox sms;
    private final MessageInbox zalo;
    private final GreenMail mail;
    private final String smsKey;
    private final String zaloToken;

    Simulators(PayGovSimulator payGov, MessageInbox sms, MessageInbox zalo, GreenMail mail, String smsKey, String zaloToken) {
        this.payGov = payGov;
        this.sms = sms;
        this.zalo = zalo;
        this.mail = mail;
        this.smsKey = smsKey;
        this.zaloToken = zaloToken;
    }

    public PayGovSimulator payGov() {
        return payGov;
    }

    public MessageInbox sms() {
        return sms;
    }

    public MessageInbox zalo() {
        return zalo;
    }

    String smsKey() {
        return smsKey;
    }

    String zaloToken() {
        return zaloToken;
    }

    /** The knobs of a system by its name on the page: paygov, paygov-callback, sms, zalo. */
    public Optional<Knobs> knobs(String system) {
        return Optional.ofNullable(switch (system) {
            case "paygov" -> payGov.api;
            case "paygov-callback" -> payGov.callback;
            case "sms" -> sms.knobs;
            case "zalo" -> zalo.knobs;
            default -> null;
        });
    }

    /** An e-mail the mail simulator received. */
    public record Mail(String to, String subject, String text, LocalDateTime at) {
    }

    public boolean mailRunning() {
        return mail != null;
    }

    public List<Mail> mails(int n) {
        if (mail == null) {
            return List.of();
        }
        List<Mail> list = new ArrayList<>();
        for (var m : mail.getReceivedMessages()) {
            try {
                String to = String.join(", ", Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList());
                LocalDateTime at = m.getSentDate() == null ? null : LocalDateTime.ofInstant(m.getSentDate().toInstant(), ZoneId.of("Asia/Ho_Chi_Minh"));
                Object content = m.getContent();
                list.add(new Mail(to, m.getSubject(), content instanceof String text ? text : GreenMailUtil.getBody(m), at));
            } catch (MessagingException | java.io.IOException e) {
                list.add(new Mail("?", "?", e.getMessage(), null));
            }
        }
        Collections.reverse(list);
        return list.subList(0, Math.min(n, list.size()));
    }

    /** Forgets every transaction and message and resets every knob (tests). */
    public void clear() {
        payGov.clear();
        sms.clear();
        zalo.clear();
    }

    @PreDestroy
    void stop() {
        if (mail != null) {
            mail.stop();
        }
    }
}
