package org.provisiontimeline.provision;

import org.provisiontimeline.status.Provision;

/**
 * The document rules, as storage sees them: implemented where documents are read (the importer), so an edit
 * assembled inside a write transaction meets the same rules as a data file without storage depending on it.
 */
@FunctionalInterface
public interface DocumentCheck {

    /** Throws if {@code p} breaks a rule; the exception says which. */
    void check(Provision p);
}
