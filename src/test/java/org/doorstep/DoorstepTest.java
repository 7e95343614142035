package org.doorstep;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a real engine and database (H2 in memory, or PostgreSQL with
 * -Ppostgres), served on a random port. Every test class that uses it shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = DoorstepApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface DoorstepTest {
}
