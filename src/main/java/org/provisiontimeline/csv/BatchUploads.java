package org.provisiontimeline.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelOption;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.provisiontimeline.api.ApiException;
import org.provisiontimeline.api.Problem;

/**
 * Receives batch uploads on the event loop, without a worker thread: the body goes to a private spool file
 * (non-blocking file writes), and only when it is complete does the request move on to {@link BatchResource}, which
 * then streams the answer from the file. Slow or hostile uploads therefore cannot hold the worker pool, and
 * half-duplex clients (Python requests, Java's HttpClient on HTTP/1.1, HttpURLConnection), which send the whole body
 * before reading, cannot deadlock with an answer that has already started.
 *
 * <p>Guards, each answered with a problem and the connection closed: more than {@code max-concurrent-uploads}
 * uploads at once (503 with {@code Retry-After}); a body over {@code max-bytes} (413); a client sending fewer than
 * {@code min-upload-rate} bytes per second over a {@code upload-rate-window} (408). A client that stops reading the
 * answer for {@code write-timeout} is disconnected. The spool file is deleted on every path: answered, refused,
 * client gone during the upload or the answer, or server shutdown ({@link SpoolDirectory}).
 */
@ApplicationScoped
public class BatchUploads {

    private static final Logger LOG = Logger.getLogger(BatchUploads.class);
    /** Key of the {@link UploadSpool} in the routing context. */
    static final String SPOOL = "provision-timeline.batch-spool";
    private static final Pattern BATCH_PATH = Pattern.compile("/api/provisions/[^/]+/status/batch/?");
    /** After the security-header filter (100), so refusals carry its headers too. */
    static final int PRIORITY = 50;
    private static final long TICK_MS = 250;

    private final SpoolDirectory spoolDirectory;
    private final ObjectMapper json;
    private final long maxBytes;
    private final int maxConcurrent;
    private final long minRate;
    private final long rateWindowMs;
    private final long writeTimeoutMs;
    private final AtomicInteger receiving = new AtomicInteger();

    BatchUploads(SpoolDirectory spoolDirectory, ObjectMapper json,
                 @ConfigProperty(name = "timeline.batch.max-bytes") long maxBytes,
                 @ConfigProperty(name = "timeline.batch.max-concurrent-uploads") int maxConcurrent,
                 @ConfigProperty(name = "timeline.batch.min-upload-rate") long minRate,
                 @ConfigProperty(name = "timeline.batch.upload-rate-window") Duration rateWindow,
                 @ConfigProperty(name = "timeline.batch.write-timeout") Duration writeTimeout) {
        this.spoolDirectory = spoolDirectory;
        this.json = json;
        this.maxBytes = maxBytes;
        this.maxConcurrent = maxConcurrent;
        this.minRate = minRate;
        this.rateWindowMs = rateWindow.toMillis();
        this.writeTimeoutMs = writeTimeout.toMillis();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    /** The spooled upload of this request; a batch request without one had no body type we spool. */
    static UploadSpool spool(RoutingContext rc) {
        UploadSpool spool = rc == null ? null : rc.get(SPOOL);
        if (spool == null) {
            throw new ApiException(415, "unsupported-media-type", "Unsupported Media Type",
                    "Send the batch as Content-Type: text/csv or application/json.", null);
        }
        return spool;
    }

    void handle(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        if (req.method() != HttpMethod.POST || !BATCH_PATH.matcher(rc.normalizedPath()).matches()
                || !spooledType(req.getHeader(HttpHeaders.CONTENT_TYPE))) {
            rc.next();   // not ours, or a type the resource refuses (415) without reading the body
            return;
        }
        if (req.version() == HttpVersion.HTTP_2) {   // see NoCleartextHttp2
            refuse(rc, 505, "/problems/http-version", "HTTP Version Not Supported",
                    "Batch uploads need HTTP/1.1 (the answer is streamed once the whole upload is in).", null);
            return;
        }
        String encoding = req.getHeader(HttpHeaders.CONTENT_ENCODING);
        boolean gzip = encoding != null && (encoding.trim().equalsIgnoreCase("gzip")
                || encoding.trim().equalsIgnoreCase("x-gzip"));
        if (encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity")) {
            refuse(rc, 415, "/problems/unsupported-encoding", "Unsupported Media Type",
                    "Content-Encoding '" + encoding + "' is not accepted here; send the body as is or gzip.", null);
            return;
        }
        Long declared = contentLength(req);
        if (declared != null && declared > maxBytes) {
            refuse(rc, 413, "/problems/too-large", "Payload Too Large", BatchResource.tooLarge(maxBytes).getMessage(),
                    null);
            return;
        }
        if (receiving.incrementAndGet() > maxConcurrent) {
            receiving.decrementAndGet();
            refuse(rc, 503, "/problems/busy", "Service Unavailable", "Already receiving " + maxConcurrent
                    + " batch uploads (timeline.batch.max-concurrent-uploads); retry shortly.", "10");
            return;
        }
        req.pause();
        new Upload(rc, gzip).start();
    }

    /** One upload in flight, then its answer: all state is touched on the request's event loop only. */
    private final class Upload {
        private final RoutingContext rc;
        private final HttpServerRequest req;
        private final HttpServerResponse resp;
        private final boolean gzip;
        private final Vertx vertx;
        private Path path;
        private AsyncFile file;
        private long received;
        private long windowStart = System.nanoTime();
        private long windowBytes;
        private boolean uploading = true;
        private boolean released;
        private long timer = -1;
        private long lastWritten = -1;
        private long lastProgress;
        private boolean hungUp;

        Upload(RoutingContext rc, boolean gzip) {
            this.rc = rc;
            this.req = rc.request();
            this.resp = rc.response();
            this.gzip = gzip;
            this.vertx = rc.vertx();
        }

        void start() {
            timer = vertx.setPeriodic(TICK_MS, id -> tick());
            String dir = spoolDirectory.dir().toString();
            vertx.fileSystem().createTempFile(dir, "batch-", ".upload", "rw-------")
                    .compose(p -> {
                        path = Path.of(p);
                        return vertx.fileSystem().open(p, new OpenOptions().setWrite(true).setCreate(false));
                    })
                    .onSuccess(this::receive)
                    .onFailure(e -> {
                        LOG.errorf("Cannot spool a batch upload in %s: %s", dir, e.getMessage());
                        fail(503, "/problems/busy", "Service Unavailable",
                                "The server cannot store uploads at the moment; retry later.", "60");
                    });
        }

        private void receive(AsyncFile opened) {
            if (!uploading) {   // the client went away while the file was being created
                opened.close();
                cleanUp();
                return;
            }
            file = opened;
            file.exceptionHandler(e -> fail(503, "/problems/busy", "Service Unavailable",
                    "The server could not store the upload; retry later.", "60"));
            req.handler(this::chunk);
            req.exceptionHandler(e -> abandon());
            req.endHandler(v -> complete());
            if ("100-continue".equalsIgnoreCase(req.getHeader(HttpHeaders.EXPECT))
                    && req.version() != HttpVersion.HTTP_1_0) {
                resp.writeContinue();
            }
            req.resume();
        }

        private void chunk(Buffer data) {
            if (!uploading) {
                return;
            }
            received += data.length();
            windowBytes += data.length();
            if (received > maxBytes) {
                fail(413, "/problems/too-large", "Payload Too Large", BatchResource.tooLarge(maxBytes).getMessage(),
                        null);
                return;
            }
            file.write(data);
            if (file.writeQueueFull()) {
                req.pause();
                file.drainHandler(v -> {
                    if (uploading) {
                        req.resume();
                    }
                });
            }
        }

        private void complete() {
            if (!uploading) {
                return;
            }
            uploading = false;
            release();
            AsyncFile f = file;
            file = null;
            f.close().onComplete(closed -> {
                if (closed.failed()) {
                    fail(503, "/problems/busy", "Service Unavailable",
                            "The server could not store the upload; retry later.", "60");
                    return;
                }
                if (resp.closed()) {
                    cleanUp();
                    return;
                }
                rc.put(SPOOL, new UploadSpool(path, gzip, received));
                lastProgress = System.nanoTime();
                rc.next();   // on to the resource, which answers from the file on a worker thread
            });
        }

        /** Every tick: the upload's rate while it lasts; then the answer's progress, and the file once it is done. */
        private void tick() {
            long now = System.nanoTime();
            if (uploading) {
                if (resp.closed()) {
                    abandon();
                } else if ((now - windowStart) / 1_000_000 >= rateWindowMs) {
                    if (windowBytes * 1000 < minRate * rateWindowMs) {
                        fail(408, "/problems/too-slow", "Request Timeout", "The upload arrived at fewer than "
                                + minRate + " bytes per second (timeline.batch.min-upload-rate); send it faster.",
                                null);
                    }
                    windowStart = now;
                    windowBytes = 0;
                }
                return;
            }
            if (resp.ended() || resp.closed()) {
                cleanUp();
                return;
            }
            long written = resp.bytesWritten();
            if (written != lastWritten) {
                lastWritten = written;
                lastProgress = now;
            } else if ((now - lastProgress) / 1_000_000 > writeTimeoutMs && !hungUp) {
                hungUp = true;
                LOG.infof("Disconnecting a batch client that read nothing for %d ms", writeTimeoutMs);
                hangUp(req);   // wakes the worker blocked on the full socket; the next tick cleans up
            }
        }

        /** The client went away (or the connection failed) while the upload was still arriving. */
        private void abandon() {
            if (!uploading) {
                return;   // after the upload, the tick notices the closed response and cleans up
            }
            uploading = false;
            release();
            closeFile();
            cleanUp();
        }

        private void closeFile() {
            if (file != null) {
                AsyncFile f = file;
                file = null;
                f.close();
            }
        }

        private void fail(int status, String type, String title, String detail, String retryAfter) {
            if (!uploading) {
                return;
            }
            uploading = false;
            release();
            req.handler(null);
            closeFile();
            cleanUp();
            refuse(rc, status, type, title, detail, retryAfter);
        }

        private void release() {
            if (!released) {
                released = true;
                receiving.decrementAndGet();
            }
        }

        private void cleanUp() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
            if (path != null) {
                vertx.fileSystem().delete(path.toString()).onFailure(e -> {
                    // already gone: deleted by the resource when the answer finished
                });
            }
        }
    }

    /**
     * Drops the connection at once. A plain close would first wait for the queued answer to be flushed, which is
     * exactly what a client that does not read never lets happen. On HTTP/2 only this stream is reset.
     */
    private static void hangUp(HttpServerRequest req) {
        if (req.version() == HttpVersion.HTTP_2) {
            req.response().reset();
        } else if (req.connection() instanceof ConnectionBase connection) {
            // A reset (linger 0), and past Vert.x's own handler, whose close waits for queued writes to drain.
            connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            connection.channelHandlerContext().close();
        } else {
            req.connection().close();
        }
    }

    /** Answers with a problem before the body was read, and closes the connection rather than read the rest. */
    private void refuse(RoutingContext rc, int status, String type, String title, String detail, String retryAfter) {
        HttpServerResponse resp = rc.response();
        if (resp.headWritten() || resp.closed()) {
            rc.request().connection().close();
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(new Problem(type, title, status, detail, rc.request().path(), null));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        resp.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (retryAfter != null) {
            resp.putHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        HttpServerRequest req = rc.request();
        if (req.version() != HttpVersion.HTTP_2) {
            resp.putHeader(HttpHeaders.CONNECTION, "close");
        }
        resp.end(body).onComplete(done -> {
            if (req.version() != HttpVersion.HTTP_2) {
                req.connection().close();
            }
        });
    }

    private static boolean spooledType(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return type.equals("text/csv") || type.equals("application/json");
    }

    private static Long contentLength(HttpServerRequest req) {
        String value = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return value == null ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;   // the HTTP layer rejects malformed lengths
        }
    }
}
