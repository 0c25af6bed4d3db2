package org.provisiontimeline.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Data files for the loader's tests: the second test provision as one file, under a given id and title. */
final class DataFiles {

    private DataFiles() {
    }

    static String provisionFile(String id, String title) {
        String bundle;
        try {
            bundle = new String(DataFiles.class.getResourceAsStream("/second-provision.json").readAllBytes(),
                    StandardCharsets.UTF_8).replace("PROVISION_ID", id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String single = bundle.substring(bundle.indexOf('[') + 1, bundle.lastIndexOf(']'));
        return single.replace("Fictional Trade Restrictions Act, section 5", title);
    }
}
