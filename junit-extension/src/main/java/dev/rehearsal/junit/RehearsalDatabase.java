package dev.rehearsal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code javax.sql.DataSource} or {@code String} (JDBC URL, without password) parameter that receives the
 * current test's scratch database: empty, created for this test only, dropped after it. In a {@code @BeforeAll}
 * method it is one database for the whole class.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RehearsalDatabase {
}
