package org.provisiontimeline.importer;

/** One problem in a provision document: where (an RFC 6901 JSON pointer) and what. */
public record ValidationError(String pointer, String message) {
}
