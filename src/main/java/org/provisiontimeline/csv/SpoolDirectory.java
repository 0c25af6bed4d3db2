package org.provisiontimeline.csv;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where batch uploads are spooled: a directory of the application's own ({@code timeline.batch.spool-dir}), readable
 * by its owner only, with one sub-directory per running process so that two instances on one machine never delete
 * each other's files. Leftovers of a process that died (kill -9) are removed at the next start; everything is
 * removed at shutdown.
 */
@ApplicationScoped
public class SpoolDirectory {

    private static final Logger LOG = Logger.getLogger(SpoolDirectory.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path base;
    private final Path dir;

    SpoolDirectory(@ConfigProperty(name = "timeline.batch.spool-dir") Path base) {
        this.base = base.toAbsolutePath().normalize();
        this.dir = this.base.resolve(Long.toString(ProcessHandle.current().pid()));
    }

    /** The directory of this process; created (owner-only) on first use. */
    Path dir() {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            create();
        }
        return dir;
    }

    void onStart(@Observes StartupEvent ignored) {
        create();
        try (Stream<Path> children = Files.list(base)) {
            children.filter(p -> !p.equals(dir) && !alive(p.getFileName().toString())).forEach(SpoolDirectory::delete);
        } catch (IOException e) {
            LOG.warnf("Could not clean the batch spool directory %s: %s", base, e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent ignored) {
        delete(dir);
    }

    private synchronized void create() {
        try {
            for (Path p : new Path[] {base, dir}) {
                if (Files.isSymbolicLink(p)) {
                    throw new IOException(p + " is a symbolic link; refusing to spool uploads there");
                }
                if (POSIX) {
                    Files.createDirectories(p, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                    // An existing directory keeps its mode through createDirectories: tighten it.
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                } else {
                    Files.createDirectories(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the batch spool directory " + base, e);
        }
    }

    private static boolean alive(String name) {
        try {
            return ProcessHandle.of(Long.parseLong(name)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;   // not one of ours by name: a leftover all the same
        }
    }

    private static void delete(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warnf("Could not delete spooled upload %s: %s", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warnf("Could not clean %s: %s", root, e.getMessage());
        }
    }
}
