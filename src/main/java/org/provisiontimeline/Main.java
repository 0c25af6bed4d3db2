package org.provisiontimeline;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.provisiontimeline.importer.ReadAhead;

/**
 * The application's entry point: starts reading the data files, then boots Quarkus. The two run side by side, so a
 * start on a fresh database does not parse its data files after the framework's boot but during it (issue 15).
 */
@QuarkusMain
public final class Main {

    Main() {   // package-private: Quarkus makes the @QuarkusMain class a bean, and frowns on private constructors
    }

    public static void main(String... args) {
        // The default must match timeline.data-dir in application.properties; if the configured directory turns
        // out to be another one, the loader finds nothing read ahead for its files and reads them itself.
        ReadAhead.start(ReadAhead.configuredDir("data"));
        Quarkus.run(args);
    }
}
