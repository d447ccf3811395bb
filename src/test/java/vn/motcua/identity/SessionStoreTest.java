package vn.motcua.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import vn.motcua.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two requests of one session that add the same attribute at once (found by the load test: two requests of an officer
 * saving their CSRF token together) both save without a duplicate-key error, and the later value wins.
 */
@IntegrationTest
class SessionStoreTest {
    static final String TOKEN = "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN";

    @Autowired SessionRepository<?> sessions;

    @Test
    void twoRequestsAddingTheSameAttributeToOneSessionBothSave() {
        check(sessions);
    }

    private static <S extends Session> void check(SessionRepository<S> repository) {
        S created = repository.createSession();
        repository.save(created);
        S first = repository.findById(created.getId());
        S second = repository.findById(created.getId());
        first.setAttribute(TOKEN, "one");
        second.setAttribute(TOKEN, "two");
        repository.save(first);
        repository.save(second);
        assertThat((String) repository.findById(created.getId()).getAttribute(TOKEN)).isEqualTo("two");
        repository.deleteById(created.getId());
    }
}
