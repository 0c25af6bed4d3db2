package org.provisiontimeline.status;

/** How precise a {@link PartialDate} is. */
public enum Precision {
    YEAR, MONTH, DAY, RANGE;

    /** The CSV/JSON spelling: {@code year}, {@code month}, {@code day}, {@code range}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
