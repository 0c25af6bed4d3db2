package org.provisiontimeline.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool directory is private, survives no crash and no shutdown, and never touches a live sibling. */
class SpoolDirectoryTest {

    @TempDir
    Path base;

    @Test
    void startCleansWhatDeadProcessesLeftAndStopCleansOurOwn() throws Exception {
        Path dead = Files.createDirectories(base.resolve("2147483646"));   // no such process
        Files.writeString(dead.resolve("batch-1.upload"), "left by a kill -9");
        Path stray = Files.writeString(base.resolve("not-a-pid"), "x");
        Path live = Files.createDirectories(base.resolve(Long.toString(ProcessHandle.current().parent()
                .map(ProcessHandle::pid).orElseThrow())));   // a running process: not ours to clean
        Files.writeString(live.resolve("batch-2.upload"), "in use");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));

        SpoolDirectory spool = new SpoolDirectory(base);
        spool.onStart(null);
        assertFalse(Files.exists(dead), "a dead process's uploads are removed");
        assertFalse(Files.exists(stray));
        assertTrue(Files.exists(live.resolve("batch-2.upload")), "a live process's uploads are kept");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(base)), "tightened");
        Path own = spool.dir();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(own)));
        Files.writeString(own.resolve("batch-3.upload"), "ours");

        spool.onStop(null);
        assertFalse(Files.exists(own), "shutdown removes this process's uploads");
    }

    @Test
    void aSymbolicLinkIsRefused() throws Exception {
        Path elsewhere = Files.createDirectories(base.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(base.resolve("spool"), elsewhere);
        assertThrows(RuntimeException.class, () -> new SpoolDirectory(link).onStart(null));
    }
}
