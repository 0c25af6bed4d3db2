package io.quarkus.smallrye.openapi.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.smallrye.openapi.OpenApiFilter.RunStage;
import io.smallrye.openapi.runtime.io.Format;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder's call only records; the first request prepares the document, with the recorder's class loader. */
class DeferredOpenApiDocumentServiceTest {

    @TempDir
    Path dir;

    @Test
    void theDocumentIsPreparedOnItsFirstRequestFromTheRecordedClassLoader() throws Exception {
        Path doc = dir.resolve("META-INF/quarkus-generated-openapi-doc.JSON");   // where the build puts it
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, "{\"openapi\": \"3.1.0\", \"paths\": {\"/prepared-late\": {}}}");
        DeferredOpenApiDocumentService service = new DeferredOpenApiDocumentService();
        service.config = ConfigProvider.getConfig();
        Map<RunStage, List<String>> noFilters = Map.of(RunStage.RUN, List.of(), RunStage.RUNTIME_STARTUP, List.of(),
                RunStage.RUNTIME_PER_REQUEST, List.of());

        Thread thread = Thread.currentThread();
        ClassLoader was = thread.getContextClassLoader();
        try (URLClassLoader recorders = new URLClassLoader(new URL[] {dir.toUri().toURL()}, was)) {
            thread.setContextClassLoader(recorders);
            try {
                service.prepareDocument(null, noFilters, "<default>");
            } finally {
                thread.setContextClassLoader(was);   // the request's thread does not see the document's resource
            }
            assertEquals(1, service.waiting(), "nothing is prepared while starting");

            byte[] json = service.getDocument("<default>", Format.JSON);
            String text = new String(json, StandardCharsets.UTF_8);
            assertTrue(text.contains("\"/prepared-late\" : { }"), text);
            assertEquals(0, service.waiting());
            assertArrayEquals(json, service.getDocument("<default>", Format.JSON), "prepared once");
            String yaml = new String(service.getDocument("<default>", Format.YAML), StandardCharsets.UTF_8);
            assertTrue(yaml.contains("/prepared-late: {}"), yaml);
        }
    }
}
