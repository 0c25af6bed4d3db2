package org.provisiontimeline.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.provisiontimeline.postgres.OnPostgres;

/** {@link ReadApiTest}, unchanged, on a real PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgres.class)
class ReadApiOnPostgresTest extends ReadApiTest {
}
