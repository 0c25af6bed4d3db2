package org.provisiontimeline.status;

/** Operative text of a provision, quoted, with where it was quoted from. */
public record QuotedText(String quote, Source source) {
}
