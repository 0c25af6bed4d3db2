package org.provisiontimeline.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.provisiontimeline.provision.ProvisionStore;
import org.provisiontimeline.status.Provision;

/**
 * The read-ahead hashes content without the application's mapper (it runs before the application exists). The
 * catalog binds a read-ahead provision only when that hash equals the stored one, so a difference would not be
 * wrong, only slow: this test keeps the two the same, so that the shortcut works.
 */
@QuarkusTest
class ReadAheadContentHashTest {

    @Inject
    ProvisionStore store;

    private void assertSameHash(Provision p) throws Exception {
        assertEquals(ProvisionStore.hash(store.canonicalJson(p)), ReadAhead.contentHash(p), p.id());
    }

    @Test
    void theShippedDatasetHashesAsTheStoreHashesIt() throws Exception {
        Path file = Path.of("data/us-fsa-907.json");
        assertSameHash(DataFileLoader.parse(file, Files.readAllBytes(file)));
    }

    @Test
    void aProvisionWithOtherFieldsHashesAsTheStoreHashesIt() throws Exception {
        Path file = Path.of("second-test.json");
        assertSameHash(DataFileLoader.parse(file,
                DataFiles.provisionFile("second-test", "Second").getBytes(StandardCharsets.UTF_8)));
    }
}
