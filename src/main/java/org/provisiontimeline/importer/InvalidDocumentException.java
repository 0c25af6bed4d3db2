package org.provisiontimeline.importer;

import java.util.List;
import java.util.stream.Collectors;

/** A provision document (data file, request body or bundle) broke one or more rules; nothing was written. */
public class InvalidDocumentException extends RuntimeException {

    private final List<ValidationError> errors;

    public InvalidDocumentException(List<ValidationError> errors) {
        super(errors.size() + " problem(s): " + errors.stream()
                .map(e -> (e.pointer().isEmpty() ? "(document)" : e.pointer()) + ": " + e.message())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
