package org.provisiontimeline.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET whose resource sets a strong ETag of its own (the one editors send back in {@code If-Match}), so
 * {@link ConditionalGet} leaves it alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface OwnETag {
}
