package com.retentiondesk.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The groups whose members may call an {@code /api} endpoint; others get 403. An endpoint without
 * this annotation is refused to everyone, so a forgotten annotation fails closed.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowedGroups {

	String[] value();
}
