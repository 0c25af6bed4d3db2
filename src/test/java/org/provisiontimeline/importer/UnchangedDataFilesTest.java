package org.provisiontimeline.importer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provisiontimeline.importer.DataFileLoader.LoadReport;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.provision.ProvisionStore;
import org.provisiontimeline.provision.StoredProvision;

/**
 * A data file whose bytes are those last loaded is only hashed, not parsed again; any other file is read and
 * validated exactly as before, and a database that holds the older canonical-content file hash is migrated.
 */
@QuarkusTest
class UnchangedDataFilesTest {

    @Inject
    ProvisionStore store;

    @Inject
    ProvisionCatalog catalog;

    @TempDir
    Path dir;

    private final String id = "file-" + UUID.randomUUID().toString().substring(0, 8);

    private String provisionFile(String title) {
        return DataFiles.provisionFile(id, title);
    }

    private LoadReport load(String text) throws IOException {
        Files.writeString(dir.resolve(id + ".json"), text);
        return new DataFileLoader(store, catalog, dir).load(dir);
    }

    private static String fileHashOf(String provisionId) {
        return QuarkusTransaction.requiringNew().call(() -> StoredProvision.byId(provisionId).orElseThrow().fileHash);
    }

    @Test
    void anUnchangedFileIsNotParsedAgain() throws IOException {
        String text = provisionFile("Title one");
        assertEquals(new LoadReport(1, 1, 1), load(text));
        assertEquals(ProvisionStore.hash(text.getBytes(StandardCharsets.UTF_8)), fileHashOf(id));

        assertEquals(new LoadReport(1, 0, 0), load(text));
        given().when().get("/api/provisions/" + id).then().statusCode(200).body("title", is("Title one"));
    }

    @Test
    void aChangedFileIsValidatedAgainAndABadOneStillStopsTheLoad() throws IOException {
        load(provisionFile("Title one"));
        String broken = provisionFile("Title one").replaceFirst("\"effect\": \"IMPOSE\"", "\"effect\": \"IMPOSES\"");
        assertTrue(!broken.equals(provisionFile("Title one")), "fixture has an IMPOSE effect");

        DataFileException e = assertThrows(DataFileException.class, () -> load(broken));
        assertTrue(e.getMessage().startsWith(dir.resolve(id + ".json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'IMPOSES'"), e.getMessage());

        assertEquals(new LoadReport(1, 1, 1), load(provisionFile("Title two")));
        given().when().get("/api/provisions/" + id + "/history").then().body("size()", is(2));
    }

    @Test
    void aReformattedFileWithTheSameContentWritesNoVersionAndIsThenUnchanged() throws IOException {
        String text = provisionFile("Title one");
        load(text);
        String reformatted = text.replace("\n", "\n  ");

        assertEquals(new LoadReport(1, 1, 0), load(reformatted));
        assertEquals(ProvisionStore.hash(reformatted.getBytes(StandardCharsets.UTF_8)), fileHashOf(id));
        assertEquals(new LoadReport(1, 0, 0), load(reformatted));
        given().when().get("/api/provisions/" + id + "/history").then().body("size()", is(1));
    }

    @Test
    void theCanonicalFileHashOfAnOlderDatabaseIsReplacedByTheRawOneWithoutANewVersion() throws IOException {
        String text = provisionFile("Title one");
        load(text);
        // Before raw-file hashes, file_hash held the hash of the file's canonical content, i.e. its content hash.
        QuarkusTransaction.requiringNew().run(() -> StoredProvision.rememberFile(id,
                StoredProvision.byId(id).orElseThrow().contentHash));

        assertEquals(new LoadReport(1, 1, 0), load(text));
        assertEquals(ProvisionStore.hash(text.getBytes(StandardCharsets.UTF_8)), fileHashOf(id));
        assertEquals(new LoadReport(1, 0, 0), load(text));
        given().when().get("/api/provisions/" + id + "/history").then().body("size()", is(1));
    }
}
