package org.provisiontimeline.status;

/** The legal instrument behind an event, e.g. Presidential Determination No. 2002-06. */
public record Instrument(String kind, String number, String citation, String url) {
}
