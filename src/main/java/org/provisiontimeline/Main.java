package org.provisiontimeline;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.provisiontimeline.importer.ReadAhead;
import org.provisiontimeline.provision.SchemaAhead;

/**
 * The application's entry point: starts reading the data files and migrating the database, then boots Quarkus. They
 * run side by side, so a start does not parse its data files and migrate its schema after the framework's boot but
 * during it (issue 15).
 */
@QuarkusMain
public final class Main {

    Main() {   // package-private: Quarkus makes the @QuarkusMain class a bean, and frowns on private constructors
    }

    public static void main(String... args) {
        keepNoDocumentsInH2sStringCache();
        // The default must match timeline.data-dir in application.properties; if the configured directory turns
        // out to be another one, the loader finds nothing read ahead for its files and reads them itself.
        ReadAhead.start(ReadAhead.configuredDir("data"));
        SchemaAhead.start();
        Quarkus.run(args);
    }

    /**
     * H2 keeps every text it reads from disk in a cache of 1,024 soft references ({@code h2.objectCache}), our
     * documents included: after a start that read 1,000 documents it held ~240 of them, 12.6 MB of a 256 MiB heap.
     * Soft references are let go only under memory pressure, and until then the collector marks them as live, so
     * a large catalog's heap looked fuller than it was (issue 15). The catalog keeps what it needs; the cache saves
     * nothing here. An explicit {@code -Dh2.objectCache} still wins. H2 reads the property once, when it loads, so
     * this must run before Quarkus starts the datasource. The jar and dev mode start here; {@code @QuarkusTest}s do
     * not, and keep H2's default.
     */
    static void keepNoDocumentsInH2sStringCache() {
        if (System.getProperty(H2_OBJECT_CACHE) == null) {
            System.setProperty(H2_OBJECT_CACHE, "false");
        }
    }

    static final String H2_OBJECT_CACHE = "h2.objectCache";
}
