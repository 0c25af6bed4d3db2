package org.provisiontimeline.importer;

import jakarta.enterprise.context.ApplicationScoped;
import org.provisiontimeline.provision.DocumentCheck;
import org.provisiontimeline.status.Provision;

/** The validator, offered to storage for documents assembled from edits. */
@ApplicationScoped
class DocumentRules implements DocumentCheck {

    @Override
    public void check(Provision p) {
        ProvisionReader.check(p);
    }
}
