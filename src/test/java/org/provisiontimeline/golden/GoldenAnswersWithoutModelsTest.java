package org.provisiontimeline.golden;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.ProvisionCatalog;

/**
 * The same answers, byte for byte, when the catalog keeps no model it can let go of (issue 15): with a bound of one
 * event, binding a provision lets go of every other, so nearly every read binds its model again from the stored
 * version, and status answers come from rendered pieces whose model is gone.
 */
@QuarkusTest
@TestProfile(GoldenAnswersWithoutModelsTest.NoModels.class)
class GoldenAnswersWithoutModelsTest extends GoldenAnswersTest {

    @Inject
    ProvisionCatalog catalog;

    /** What makes this class worth running: the answers above really came from models let go of and bound again. */
    @Test
    void atMostOneModelIsBoundAndAnAnswerWithoutItsModelIsTheSame() {
        String first = null;
        for (CatalogEntry e : catalog.all()) {   // each binds its model, letting go of the one before
            String answer = given().get("/api/provisions/" + e.id() + "/status?date=2020-02-02")
                    .then().statusCode(200).extract().asString();
            first = first == null ? answer : first;
        }
        assertTrue(catalog.all().size() >= 3, "the golden data's provisions");
        assertTrue(catalog.all().stream().filter(CatalogEntry::isParsed).count() <= 1, "at most one model bound");
        CatalogEntry firstEntry = catalog.all().iterator().next();
        assertEquals(first, given().get("/api/provisions/" + firstEntry.id() + "/status?date=2020-02-02")
                .then().statusCode(200).extract().asString(), "the same answer after its model was let go of");
    }

    /** The golden profile, with room for one event of bound models. */
    public static class NoModels extends GoldenAnswersTest.Golden {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("timeline.catalog.max-bound-events", "1");
            return config;
        }
    }
}
