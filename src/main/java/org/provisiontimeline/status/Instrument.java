package org.provisiontimeline.status;

/** The legal instrument behind an event, e.g. Presidential Determination No. 2002-06. */
public record Instrument(String kind, String number, String citation, String url) {

    public Instrument {
        kind = SharedText.of(kind);
        number = SharedText.of(number);
        citation = SharedText.of(citation);
        url = SharedText.of(url);
    }
}
