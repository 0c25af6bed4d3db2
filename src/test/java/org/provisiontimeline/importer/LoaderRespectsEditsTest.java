package org.provisiontimeline.importer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.provision.ProvisionStore;

/** The data-file loader writes changed files as versions, but never overwrites edits made through the API. */
@QuarkusTest
class LoaderRespectsEditsTest {

    @Inject
    ProvisionStore store;

    @Inject
    ProvisionCatalog catalog;

    @TempDir
    Path dir;

    private String provisionFile(String id, String title) {
        return DataFiles.provisionFile(id, title);
    }

    private void load(String id, String title) throws IOException {
        Files.writeString(dir.resolve(id + ".json"), provisionFile(id, title));
        new DataFileLoader(store, catalog, dir).onStart(new StartupEvent());
    }

    @Test
    void aChangedFileIsANewVersionAndAnUnchangedOneIsNot() throws IOException {
        String id = "file-" + UUID.randomUUID().toString().substring(0, 8);
        load(id, "Title one");
        load(id, "Title one");
        load(id, "Title two");
        given().when().get("/api/provisions/" + id + "/history")
                .then().body("size()", is(2), "recordedBy", is(java.util.List.of("data-file-loader",
                        "data-file-loader")), "origin[1]", is("DATA_FILE"));
        given().when().get("/api/provisions/" + id).then().body("title", is("Title two"));
    }

    @Test
    void aFileNeverOverwritesAnApiEdit() throws IOException {
        String id = "file-" + UUID.randomUUID().toString().substring(0, 8);
        load(id, "From the file");
        var read = given().when().get("/api/provisions/" + id);
        String edited = read.asString().replace("From the file", "Corrected by an editor");
        given().auth().preemptive().basic("editor", "test-editor-password").contentType("application/json")
                .header("If-Match", read.header("ETag")).body(edited)
                .when().put("/api/provisions/" + id).then().statusCode(200);

        load(id, "The file changed again");

        given().when().get("/api/provisions/" + id).then().body("title", is("Corrected by an editor"));
        given().when().get("/api/provisions/" + id + "/history").then().body("size()", is(2));
    }
}
