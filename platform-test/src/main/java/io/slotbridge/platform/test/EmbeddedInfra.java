package io.slotbridge.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test at the JVM's shared embedded Kafka broker and/or PostgreSQL server: sets
 * {@code spring.kafka.bootstrap-servers}, {@code slotbridge.kafka.partitions} and {@code spring.datasource.*}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedInfra {

    boolean kafka() default true;

    boolean postgres() default true;
}
