package org.provisiontimeline.csv;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns off the cleartext HTTP/2 upgrade ({@code Upgrade: h2c}), which Java's HttpClient attempts by default. On an
 * upgraded stream the REST layer cannot take over a request whose body {@link BatchUploads} has already received
 * (Vert.x refuses to pause an HTTP/2 request that has ended), so batch uploads over h2c failed. Every client falls
 * back to HTTP/1.1, which streams batch answers just as well now that uploads are spooled first. HTTP/2 over TLS,
 * where configured, is untouched; batch uploads there are refused with a problem that says to use HTTP/1.1.
 */
@ApplicationScoped
public class NoCleartextHttp2 implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
