package vn.motcua.dossier.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The numbers of new dossiers' codes (a sequence per receiving unit that restarts every day) and of the dossier book
 * (Sổ theo dõi hồ sơ: a sequence per receiving unit and year), each taken and committed at once in a short transaction
 * of its own, on a connection of a small pool of its own (the same database, address and account as the application's
 * pool: {@code spring.datasource.*}).
 * <p>
 * Taken inside the intake's transaction, the counter's row stayed locked until that transaction ended — through the
 * documents' storage, the digitisation, the events and the audit entries — so every intake at a unit waited for the one
 * before it, and under load the intakes of a busy one-stop centre queued behind each other (the load test of
 * docs/benchmarks.md spent most of its database time waiting for the codes' row, then for the book's). A transaction of
 * its own holds the row for a few statements. Its own pool means an intake never waits for a second connection of the
 * pool it already holds one of (a transaction {@code REQUIRES_NEW} on the same pool could starve it under load).
 * <p>
 * The cost: an intake that fails after taking its numbers (a file that cannot be stored, a database error, a crash)
 * leaves them unused. The code identifies a dossier and must be unique, which it stays (the unique index, and
 * {@code DossierService} skips a number whose code exists). The book shows a number no dossier holds as a line of its
 * own, "not used", where it fell ({@code DossierQueries.book}), as a paper register keeps a spoilt line rather than
 * renumbering. Registers that issue documents under their numbers — the certified-copy book, fee receipts — keep
 * {@link DossierStore#next(String)}, locked until the registering transaction ends, without gaps.
 */
@Component
public class CodeNumbers implements DisposableBean {
    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    public CodeNumbers(DataSourceProperties properties) {
        this.pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("motcua-code-numbers");
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(0);
        this.jdbc = JdbcClient.create(pool);
        this.own = new TransactionTemplate(new DataSourceTransactionManager(pool));
    }

    /** The next number of the sequence {@code scope} (e.g. {@code code:17:2026-11-24}), committed before it is returned. */
    public long next(String scope) {
        return own.execute(s -> DossierStore.next(jdbc, scope));
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
