package io.slotbridge.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The demo tenant a test class works on: its {@link DemoTenant} parameter is that tenant. Without it, the amoCRM demo
 * tenant {@value DemoTenant#AMOCRM}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@interface OnTenant {
    String value();
}
