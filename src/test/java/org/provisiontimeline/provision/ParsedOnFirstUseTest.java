package org.provisiontimeline.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import java.nio.file.Files;
import java.nio.file.Path;
import org.provisiontimeline.importer.ProvisionReader;
import org.provisiontimeline.status.Provision;

/** A provision is read and bound once, by whoever asks first; a later offer never replaces it. */
class ParsedOnFirstUseTest {

    private final Provision provision = read();

    private static Provision read() {
        try {
            return new ProvisionReader().readProvision(Files.readAllBytes(Path.of("data/us-fsa-907.json")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void boundOnceByTheFirstOfManyConcurrentReaders() throws InterruptedException {
        AtomicInteger loads = new AtomicInteger();
        ParsedOnFirstUse lazy = ParsedOnFirstUse.of(() -> {
            loads.incrementAndGet();
            return provision;
        }, null);
        assertFalse(lazy.isParsed());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> readers = new ArrayList<>();
        List<Provision> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add(lazy.get());
            });
            readers.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : readers) {
            t.join();
        }
        assertEquals(1, loads.get(), "read and bound once");
        assertEquals(8, seen.size());
        seen.forEach(p -> assertSame(provision, p));
        assertTrue(lazy.isParsed());
    }

    @Test
    void anOfferBindsOnlyWhatIsNotBoundYet() {
        AtomicInteger loads = new AtomicInteger();
        ParsedOnFirstUse lazy = ParsedOnFirstUse.of(() -> {
            loads.incrementAndGet();
            return provision;
        }, null);
        Provision offered = read();
        lazy.offer(() -> offered);
        assertSame(offered, lazy.get(), "the background pass bound it");
        lazy.offer(() -> provision);
        assertSame(offered, lazy.get(), "a second offer changes nothing");
        assertEquals(0, loads.get(), "its own read was never needed");
    }
}
