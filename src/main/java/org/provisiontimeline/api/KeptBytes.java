package org.provisiontimeline.api;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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

    /**
     * Answers of one version kept by name (a request's parameters), at most {@code max} of them, their bytes in
     * direct memory and counted against the answer cache's bound until the collector drops the shelf with its
     * version.
     *
     * @param <T> what is kept per name: the bytes, or the bytes and what else the answer needs
     */
    static final class Shelf<T> {
        private final Map<String, T> kept = new ConcurrentHashMap<>();
        private final AnswerCache.Account account;
        private final int max;

        Shelf(AnswerCache cache, int max) {
            this.account = cache.open(this);
            this.max = max;
        }

        /** The answer kept under {@code name}, or {@code null}. */
        T get(String name) {
            return kept.get(name);
        }

        /**
         * Keeps {@code json} under {@code name}, as {@code answer} makes it of the kept bytes; the answer kept under
         * that name, or {@code null} when nothing more can be kept (the caller serves {@code json} itself).
         */
        T keep(String name, byte[] json, Function<Buffer, T> answer) {
            if (kept.size() >= max || !account.reserve(json.length)) {
                return null;
            }
            Buffer direct = forManyRequests(json);
            if (direct == null) {
                account.release(json.length);
                return null;
            }
            T mine = answer.apply(direct);
            T first = kept.putIfAbsent(name, mine);
            if (first != null) {
                account.release(json.length);   // another request kept it first
                return first;
            }
            return mine;
        }
    }
}
