package org.provisiontimeline.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET that {@link ConditionalGet} leaves alone: the resource sets a strong ETag of its own (the one editors
 * send back in {@code If-Match}), or reads the database directly (history, change feed), where a tag derived from
 * this instance's catalog could be stale.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface OwnETag {
}
