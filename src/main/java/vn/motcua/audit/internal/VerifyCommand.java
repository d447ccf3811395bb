package vn.motcua.audit.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import vn.motcua.audit.AuditLog;
import vn.motcua.audit.Verification;

/**
 * {@code bin/verify-audit}: starts without web server or demo data, verifies the chain, prints the result and
 * exits with 0 when it is intact, 3 when it is broken.
 */
@Component
@ConditionalOnProperty("motcua.audit.verify-and-exit")
class VerifyCommand implements ApplicationRunner {
    private final AuditLog audit;
    private final ConfigurableApplicationContext context;

    VerifyCommand(AuditLog audit, ConfigurableApplicationContext context) {
        this.audit = audit;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        Verification v = audit.verify();
        if (v.intact()) {
            System.out.println("AUDIT CHAIN INTACT: " + v.checked() + " entries, heads hash " + v.headHash());
        } else {
            System.out.println("AUDIT CHAIN BROKEN at entry " + v.firstBrokenSeq() + ": " + v.reason() + " (" + v.checked()
                    + " entries before it are intact)");
        }
        int code = v.intact() ? 0 : 3;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
