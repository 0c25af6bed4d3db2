package org.provisiontimeline.api;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;

/**
 * Response bodies of bytes rendered once (issue 15). A {@code byte[]} answer is copied per request into one of
 * Netty's direct buffers before the socket write; for the ~18 KB of an events page that copy was a tenth of the
 * request. Bytes kept for many requests are therefore kept in direct memory, and written to the socket as they are.
 */
final class KeptBytes {

    private KeptBytes() {
    }

    /** Bytes rendered for one request: Netty copies them once into its pooled direct buffers, as for a byte[]. */
    static Buffer forOneRequest(byte[] json) {
        return Buffer.buffer(Unpooled.wrappedBuffer(json));
    }

    /**
     * Bytes kept for many requests, in direct memory. Vert.x writes a slice of the buffer that cannot be released,
     * and a slice reads the memory through its own indices, so one buffer serves every event loop at once; the JDK
     * frees the memory when the buffer is dropped with the version it belongs to. Callers count it against the
     * answer cache's bound, a quarter of the heap by default, and so below the JVM's direct memory limit (the heap's
     * size by default).
     *
     * @return the kept bytes; {@code null} past the JVM's direct memory limit (the caller then does not keep them)
     */
    static Buffer forManyRequests(byte[] json) {
        ByteBuffer memory;
        try {
            memory = ByteBuffer.allocateDirect(json.length);
        } catch (OutOfMemoryError directMemoryLimit) {
            // Only when an operator set the answer cache's bound above -XX:MaxDirectMemorySize: served from the heap.
            return null;
        }
        return Buffer.buffer(Unpooled.wrappedBuffer(memory.put(json).flip()));
    }
}
