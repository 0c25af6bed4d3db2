package org.provisiontimeline.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a separate process, for the tests that
 * need real processes: kill -9, restarts, several instances on one database. Ports are free ones chosen here, the
 * public one and the management one (health, metrics), so parallel runs do not collide.
 */
public final class AppProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    public static final String EDITOR_PASSWORD = "it-secret";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> env;
    private final Path log;
    public final int port;
    public final int managementPort;
    private final java.util.List<String> jvmOptions;
    private Process process;

    /** @param env environment of the process, e.g. TIMELINE_DB_PATH or TIMELINE_DB_URL */
    AppProcess(Map<String, String> env, Path log) throws IOException {
        this(env, log, java.util.List.of());
    }

    /** @param jvmOptions more options for the JVM, e.g. {@code -XX:+ExitOnOutOfMemoryError} or a {@code -D} setting */
    public AppProcess(Map<String, String> env, Path log, java.util.List<String> jvmOptions) throws IOException {
        this.jvmOptions = jvmOptions;
        this.env = env;
        this.log = log;
        this.port = freePort();
        this.managementPort = freePort();
    }

    /** Starts the process and waits until it is ready; the same ports on every (re)start. */
    public AppProcess start() throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("run through ./mvnw verify, which builds " + JAR);
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("java", "-Xmx256m",
                "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort));
        command.addAll(jvmOptions);
        command.addAll(java.util.List.of("-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("TIMELINE_EDITOR_PASSWORD", EDITOR_PASSWORD);
        pb.environment().putAll(env);
        process = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (ready()) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        process.destroyForcibly().waitFor();   // never leave a half-started server holding its ports
        throw new IllegalStateException("the application did not start:\n" + Files.readString(log));
    }

    /** Whether {@code /q/health/ready} on the management port answers 200. */
    boolean ready() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build()).statusCode() == 200;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build());
    }

    HttpResponse<String> write(String method, String path, String body, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("editor:" + EDITOR_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b.build());
    }

    /** The base URL of the public port, for tests that build their own requests. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook, no clean close of the database. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
