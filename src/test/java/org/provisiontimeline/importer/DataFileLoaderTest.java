package org.provisiontimeline.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.provision.ProvisionVersion;

@QuarkusTest
class DataFileLoaderTest {

    @Inject
    DataFileLoader loader;

    @Inject
    ProvisionCatalog catalog;

    @Test
    void loadingTheSameFilesAgainChangesNothing() {
        long before = (long) QuarkusTransaction.requiringNew().call(() -> ProvisionVersion.count());
        String version = catalog.find("us-fsa-907").orElseThrow().datasetVersion();

        loader.onStart(new StartupEvent());

        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> ProvisionVersion.count()));
        assertEquals(version, catalog.find("us-fsa-907").orElseThrow().datasetVersion());
    }
}
