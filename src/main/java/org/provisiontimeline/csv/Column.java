package org.provisiontimeline.csv;

import java.util.function.Function;

/**
 * One column of an export: its snake_case name (never renamed, only ever added), its CSVW datatype, what it means,
 * how a row yields its cell ({@code null} for blank), and for a list-valued cell the separator between its items.
 */
record Column<T>(String name, Object datatype, String description, Function<T, String> cell, String separator) {

    Column(String name, Object datatype, String description, Function<T, String> cell) {
        this(name, datatype, description, cell, null);
    }

    static final String STRING = "string";
    static final String INTEGER = "integer";
    /** A string holding an absolute URL; a spreadsheet export makes it a link. */
    static final String URL = "anyURI";
    static final String DATE = "date";
    static final Object BOOLEAN = java.util.Map.of("base", "boolean", "format", "true|false");
    static final Object PARTIAL_DATE = java.util.Map.of("base", "string",
            "format", "^\\d{4}(-\\d{2}(-\\d{2})?)?(/\\d{4}-\\d{2}-\\d{2})?~?$");
}
