package org.xenplane.core.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the declared operation an endpoint performs (its {@link DeclaredOperation#id()}).
 * Every {@code /api/v1} endpoint carries one; an endpoint without it is refused at run time and
 * fails the permission-matrix test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Authorized {
    String value();
}
