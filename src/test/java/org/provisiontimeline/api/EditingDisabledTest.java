package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no editor password configured, every write is refused with a problem saying how to enable editing. */
@QuarkusTest
@TestProfile(EditingDisabledTest.NoPassword.class)
class EditingDisabledTest {

    public static class NoPassword implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timeline.editor-password", "", "timeline.editor-accounts", "");
        }
    }

    @Test
    void writesAre403WithHowToEnableThem() {
        given().auth().preemptive().basic("editor", "anything").contentType("application/json")
                .body("{\"provisions\": []}").when().post("/api/import")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("TIMELINE_EDITOR_PASSWORD"));
        given().contentType("application/json").body("{}").when().put("/api/provisions/us-fsa-907")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().delete("/api/provisions/us-fsa-907/events/1992-10-24-enactment")
                .then().statusCode(403);
    }

    @Test
    void readsStayPublic() {
        given().when().get("/api/provisions/us-fsa-907").then().statusCode(200);
    }
}
