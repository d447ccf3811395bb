package vn.motcua.demo;

import org.slf4j.Logger;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;

import java.util.function.Supplier;

/**
 * What the demo loaders share: acting as a demo account, and steps that go on when one fails (the failure is logged and
 * counted; a test checks that none fails).
 */
final class DemoSteps {
    private final Logger log;
    private final String label;
    private int failures;

    DemoSteps(Logger log, String label) {
        this.log = log;
        this.label = label;
    }

    /** The demo account as the services see a logged-in user. */
    static CurrentUser as(AccountService accounts, String username) {
        return CurrentUser.of(accounts.list().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow());
    }

    /** Runs one step of the demo; a refusal is logged and counted, and the demo goes on (null is returned). */
    <T> T run(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            failures++;
            log.warn("{}: {} thất bại: {}", label, what, e.getMessage());
            return null;
        }
    }

    int failures() {
        return failures;
    }
}
