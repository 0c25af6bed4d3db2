package org.provisiontimeline.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provisiontimeline.provision.ProvisionStore;
import org.provisiontimeline.status.Provision;

/** The data files read while the framework boots are a shortcut only: the loader takes exactly what it would read. */
class ReadAheadTest {

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        ReadAhead.finish();
    }

    private Path write(String id, String title) throws IOException {
        Path file = dir.resolve(id + ".json");
        Files.writeString(file, DataFiles.provisionFile(id, title), StandardCharsets.UTF_8);
        return file;
    }

    private static String rawHash(Path file) throws IOException {
        return ProvisionStore.hash(Files.readAllBytes(file));
    }

    @Test
    void theLoaderTakesTheProvisionItWouldHaveRead() throws IOException {
        Path file = write("read-ahead", "Read ahead");
        ReadAhead.start(dir);

        ReadAhead.Content taken = ReadAhead.take(file, rawHash(file)).orElseThrow();

        Provision direct = DataFileLoader.parse(file, Files.readAllBytes(file));
        assertEquals(direct, taken.provision());
        assertEquals(ProvisionStore.Document.of(direct), taken.document(), "the document the loader stores");
        assertEquals(1, ReadAhead.finish(), "results taken");
    }

    @Test
    void aFileChangedSinceItWasReadAheadIsReadAgain() throws IOException {
        Path file = write("changed", "Before");
        ReadAhead.start(dir);
        ReadAhead.take(dir.resolve("other.json"), "0").ifPresent(p -> {
            throw new AssertionError("a file that was never there");
        });

        assertTrue(ReadAhead.take(file, "not-the-hash-of-what-was-read").isEmpty());
        assertEquals(0, ReadAhead.finish());
    }

    @Test
    void aBadFileIsReportedAsTheLoaderReportsIt() throws IOException {
        Path file = write("bad", "Bad");
        Files.writeString(file, Files.readString(file).replace("\"effect\": \"IMPOSE\"", "\"effect\": \"PAUSE\""));
        ReadAhead.start(dir);

        DataFileException ahead = assertThrows(DataFileException.class, () -> ReadAhead.take(file, rawHash(file)));
        DataFileException direct = assertThrows(DataFileException.class,
                () -> DataFileLoader.parse(file, Files.readAllBytes(file)));
        assertEquals(direct.getMessage(), ahead.getMessage());
        assertTrue(ahead.getMessage().contains("'PAUSE' is not one of"), ahead.getMessage());
    }

    @Test
    void aDirectoryOfUpToMaxFilesIsReadAheadALargerOneNot() throws IOException {
        for (int i = 0; i < ReadAhead.MAX_FILES; i++) {
            write(String.format("p%02d", i), "Provision " + i);
        }
        ReadAhead.start(dir);
        Path last = dir.resolve(String.format("p%02d.json", ReadAhead.MAX_FILES - 1));
        assertTrue(ReadAhead.take(last, rawHash(last)).isPresent());
        ReadAhead.finish();

        write(String.format("p%02d", ReadAhead.MAX_FILES), "One too many");
        ReadAhead.start(dir);
        Path first = dir.resolve("p00.json");
        assertTrue(ReadAhead.take(first, rawHash(first)).isEmpty(), "a large catalog is read by the loader alone");
    }

    @Test
    void nothingIsReadAheadWithoutAStartOrAfterTheLoaderIsDone() throws IOException {
        Path file = write("later", "Later");
        assertTrue(ReadAhead.take(file, rawHash(file)).isEmpty());

        ReadAhead.start(dir);
        ReadAhead.finish();
        assertTrue(ReadAhead.take(file, rawHash(file)).isEmpty(), "results are dropped once the loader is done");
        ReadAhead.start(dir.resolve("missing"));
        assertTrue(ReadAhead.take(file, rawHash(file)).isEmpty());
    }
}
