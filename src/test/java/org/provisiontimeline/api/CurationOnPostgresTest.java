package org.provisiontimeline.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.provisiontimeline.postgres.OnPostgres;

/** {@link CurationTest}, unchanged, on a real PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgres.class)
class CurationOnPostgresTest extends CurationTest {
}
