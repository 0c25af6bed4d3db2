package org.provisiontimeline.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Kept answers: bytes in direct memory, at most so many names, within the answer cache's bound. */
class KeptBytesTest {

    private static final byte[] JSON = "{\"restricted\":true}".getBytes(StandardCharsets.UTF_8);

    private final AnswerCache cache = new AnswerCache(Optional.of(100L), new SimpleMeterRegistry());

    @Test
    void keptBytesAreDirectAndEveryWriteReadsThemWhole() {
        Buffer kept = KeptBytes.forManyRequests(JSON);
        ByteBuf first = kept.getByteBuf();   // what Vert.x hands to Netty, once per response
        ByteBuf second = kept.getByteBuf();
        assertTrue(first.isDirect(), "written to the socket without a copy");
        byte[] read = new byte[first.readableBytes()];
        first.readBytes(read);
        assertArrayEquals(JSON, read);
        assertEquals(0, first.readableBytes(), "the first write read its slice to the end");
        assertEquals(JSON.length, second.readableBytes(), "another write reads through its own indices");
        first.release();   // Netty releases what it wrote: the kept bytes must survive it
        assertArrayEquals(JSON, kept.getBytes());
    }

    @Test
    void aNameIsKeptOnceAndCountedOnce() {
        KeptBytes.Shelf<Buffer> shelf = new KeptBytes.Shelf<>(cache, 2);
        Buffer kept = shelf.keep("2002|2007", JSON, b -> b);
        assertSame(kept, shelf.get("2002|2007"));
        assertEquals(JSON.length, cache.heldBytes(), "counted against the bound");
        assertSame(kept, shelf.keep("2002|2007", JSON, b -> b), "kept first by another request: that one");
        assertEquals(JSON.length, cache.heldBytes(), "and counted once");
        assertArrayEquals(JSON, kept.getBytes());
    }

    @Test
    void pastItsNamesOrTheBoundNothingIsKept() {
        KeptBytes.Shelf<Buffer> shelf = new KeptBytes.Shelf<>(cache, 2);
        shelf.keep("a", JSON, b -> b);
        shelf.keep("b", JSON, b -> b);
        assertNull(shelf.keep("c", JSON, b -> b), "at most 2 names");
        assertNull(shelf.get("c"));
        KeptBytes.Shelf<Buffer> other = new KeptBytes.Shelf<>(cache, 256);
        assertNull(other.keep("big", new byte[100 - 2 * JSON.length + 1], b -> b), "past the bound of 100 bytes");
        assertEquals(2L * JSON.length, cache.heldBytes(), "nothing reserved for what was not kept");
    }
}
