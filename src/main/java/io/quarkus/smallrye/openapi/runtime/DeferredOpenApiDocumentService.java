package io.quarkus.smallrye.openapi.runtime;

import io.quarkus.arc.Unremovable;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.filter.AutoSecurityFilter;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Quarkus's OpenAPI document service, preparing each document when it is first asked for instead of while the
 * application starts (issue 15; docs/decisions.md, "The OpenAPI document is prepared on its first request").
 * <p>
 * The document is built when the jar is built. At every start, Quarkus's recorder still hands it to
 * {@link OpenApiDocumentService#prepareDocument}, which parses the stored ~100 KB document, builds the model and
 * writes it out again as JSON and YAML: ~220 ms on the main thread of a 2-core machine (plus the compiler's work on
 * the YAML parser and emitter), while nobody has asked for it yet. Here the recorder's call only records what to
 * prepare; the first {@link #getDocument} prepares it, with the same arguments and class loader, and serves what
 * Quarkus would have served (OpenApiDocumentIT compares it, in the packaged jar, with the document stored at build
 * time).
 * <p>
 * Why in Quarkus's package: {@code prepareDocument} is package-private, and the recorder calls it on the bean
 * {@code Arc.container().select(OpenApiDocumentService.class)} resolves; an {@link Alternative} with a priority is
 * that bean. {@link Unremovable} because nothing injects it (the recorder and the handler look it up). The Quarkus
 * version is pinned in pom.xml; {@code @Override} makes the build fail if that method changes.
 * <p>
 * Only in the packaged application ({@link IfBuildProfile} {@code prod}): there one class loader holds the
 * application and Quarkus, so this class shares the package with Quarkus's. Dev and test mode load the two from
 * different class loaders, where a package-private method cannot be overridden; they prepare at start, as Quarkus
 * does. OpenApiDocumentIT checks the packaged jar.
 * <p>
 * What changes: filters of stage {@code RUNTIME_STARTUP} would run on the first request instead of at start (the
 * application has none; its one filter runs at build time), and a document that cannot be prepared fails its
 * request (500) instead of the start, and is tried again on the next one.
 */
@Alternative
@Priority(1)
@ApplicationScoped
@Unremovable
@IfBuildProfile("prod")
public class DeferredOpenApiDocumentService extends OpenApiDocumentService {

    private static final Logger LOG = Logger.getLogger(DeferredOpenApiDocumentService.class);

    /** The recorder's calls not yet run, each with the context class loader it was made with. */
    private final List<Runnable> pending = new ArrayList<>();
    private volatile boolean prepared;

    @Override
    synchronized void prepareDocument(AutoSecurityFilter autoSecurityFilter,
                                      Map<OpenApiFilter.RunStage, List<String>> filters, String documentName) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        pending.add(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader was = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                super.prepareDocument(autoSecurityFilter, filters, documentName);
            } finally {
                thread.setContextClassLoader(was);
            }
        });
        prepared = false;
    }

    @Override
    public byte[] getDocument(String documentName, Format format) {
        if (!prepared) {
            prepare();
        }
        return super.getDocument(documentName, format);
    }

    /** How many documents wait to be prepared: for tests. */
    synchronized int waiting() {
        return pending.size();
    }

    private synchronized void prepare() {
        long start = System.nanoTime();
        int documents = pending.size();
        while (!pending.isEmpty()) {
            pending.get(0).run();   // a failure propagates and leaves this one waiting for the next request
            pending.remove(0);
        }
        if (documents > 0) {   // none: another request prepared them while this one waited for the lock
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.infof("OpenAPI document prepared on its first request (%d ms)", ms);
        }
        prepared = true;
    }
}
