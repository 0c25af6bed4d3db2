package org.provisiontimeline.status;

/** A statute or government text, press or encyclopedia, or one of the project's seed articles. */
public enum SourceKind {
    primary, secondary, seed
}
