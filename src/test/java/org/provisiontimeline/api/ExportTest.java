package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Backups: the export is an import bundle, public; the version history is for editors. */
@QuarkusTest
class ExportTest {

    @Test
    void theExportIsABundleThatImportsBackUnchanged() {
        String id = CurationTest.importSecondProvision();
        String bundle = given().when().get("/api/export").then().statusCode(200)
                .contentType("application/json")
                .body("provisions.id", hasItem("us-fsa-907"), "provisions.id", hasItem(id))
                .extract().asString();
        CurationTest.asEditor().body(bundle).when().post("/api/import?mode=replace")
                .then().statusCode(200).body("outcome", everyItem(is("unchanged")));
        assertEquals(bundle, given().when().get("/api/export").then().extract().asString(),
                "importing the backup changed nothing");
    }

    @Test
    void theHistoryIsForEditors() {
        given().when().get("/api/export/history").then().statusCode(401);
        CurationTest.asEditor().when().get("/api/export/history").then().statusCode(200)
                .body("version.provisionId", hasItem("us-fsa-907"), "document", everyItem(notNullValue()));
    }
}
