package vn.motcua.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;

/**
 * Sessions are kept in the database (Spring Session JDBC) so that any node serves any request. Two requests of one
 * session that add the same attribute at once (the CSRF token of two pages opened together, a request still running
 * when the browser sends the next) would both insert it, and the second would fail with a duplicate key: an attribute
 * is therefore written as an upsert (PostgreSQL's {@code on conflict}, H2's {@code merge}).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {
    static final String H2_UPSERT = "MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) "
            + "KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributesUpserted(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        }
        return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT);
    }
}
