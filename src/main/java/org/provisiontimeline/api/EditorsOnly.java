package org.provisiontimeline.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a resource method that only an authenticated editor may call; see {@link EditorAuthentication}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface EditorsOnly {
}
