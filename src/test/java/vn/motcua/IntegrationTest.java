package vn.motcua;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One application context for every integration and browser test (so the database is set up
 * once): a real server on a random port, MockMvc, demo data. The database is H2 in memory, or
 * PostgreSQL when the profiles are {@code test,test-postgres}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestDatabaseConfig.class)
public @interface IntegrationTest {
}
