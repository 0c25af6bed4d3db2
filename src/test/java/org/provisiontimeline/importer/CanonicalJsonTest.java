package org.provisiontimeline.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.provisiontimeline.provision.ProvisionStore;
import org.provisiontimeline.status.Provision;

/**
 * The store writes documents with a mapper of its own, built without the application (the read-ahead writes them
 * while the framework boots). Documents stored before were written by the application's mapper with nulls left out,
 * and their content hashes are the dataset versions: this test keeps the two mappers writing the same bytes, so a
 * database written before does not see every unchanged file as changed (a new version each).
 */
@QuarkusTest
class CanonicalJsonTest {

    @Inject
    ObjectMapper application;

    private void assertWrittenAsTheApplicationWritesIt(Provision p) throws Exception {
        ObjectMapper before = application.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        assertEquals(before.writeValueAsString(p), ProvisionStore.canonicalJson(p), p.id());
        assertEquals(before.writeValueAsString(p.events().get(0)), ProvisionStore.canonicalJson(p.events().get(0)),
                "an event, as Curation hashes it");
        ProvisionStore.Document document = ProvisionStore.Document.of(p);
        assertEquals(ProvisionStore.hash(before.writeValueAsString(p)), document.contentHash());
        assertEquals(p, before.readValue(document.json(), Provision.class), "the document reads back as it was");
    }

    @Test
    void theShippedDatasetIsWrittenAsTheApplicationWritesIt() throws Exception {
        Path file = Path.of("data/us-fsa-907.json");
        assertWrittenAsTheApplicationWritesIt(DataFileLoader.parse(file, Files.readAllBytes(file)));
    }

    @Test
    void aProvisionWithOtherFieldsIsWrittenAsTheApplicationWritesIt() throws Exception {
        Path file = Path.of("second-test.json");
        assertWrittenAsTheApplicationWritesIt(DataFileLoader.parse(file,
                DataFiles.provisionFile("second-test", "Second").getBytes(StandardCharsets.UTF_8)));
    }
}
