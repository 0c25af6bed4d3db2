package org.provisiontimeline.status;

/** Evidence for an event: where it can be read and what it says. */
public record Source(String title, String url, String publisher, PartialDate published, String language,
                     SourceKind kind, String quote) {

    public Source {
        title = SharedText.of(title);
        url = SharedText.of(url);
        publisher = SharedText.of(publisher);
        language = SharedText.of(language);
        quote = SharedText.of(quote);
    }
}
