package org.provisiontimeline.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one bound on rendered answer bytes kept between requests ({@code timeline.answer-cache.max-bytes}), shared by
 * the status and events renderings. Each cache of one catalog version holds an {@link Account}; bytes are reserved
 * against the bound before they are kept, and an account's bytes are given back once the garbage collector drops the
 * cache that owned it (the version is no longer served), so edits cannot exhaust the bound.
 */
@Singleton
class AnswerCache {

    private final long maxBytes;
    private final AtomicLong held = new AtomicLong();
    private final ReferenceQueue<Object> dropped = new ReferenceQueue<>();
    private final Set<Account> live = ConcurrentHashMap.newKeySet();

    /**
     * @param maxBytes the bound; by default a quarter of the maximum heap (32 MiB at {@code -Xmx128m}): enough for
     *                 every status answer of a 1,000 × 100 catalog at {@code -Xmx256m}, whose answers then cost no
     *                 rendering (issue 15)
     */
    AnswerCache(@ConfigProperty(name = "timeline.answer-cache.max-bytes") Optional<Long> maxBytes,
                MeterRegistry registry) {
        this.maxBytes = maxBytes.orElse(Runtime.getRuntime().maxMemory() / 4);
        // What the bound counts, on the management port: how much of the heap is kept answers, not model.
        Gauge.builder("timeline.answer.cache.bytes", held, AtomicLong::get).baseUnit("bytes")
                .description("rendered answer bytes kept between requests").register(registry);
    }

    /** Bytes held now: what the bound counts. */
    long heldBytes() {
        return held.get();
    }

    /** Whether nothing more can be kept (callers then render per request without preparing anything to keep). */
    boolean full() {
        return held.get() >= maxBytes;
    }

    /** A new account for the bytes {@code owner} keeps, first giving back those of owners the collector dropped. */
    Account open(Object owner) {
        for (Account a; (a = (Account) dropped.poll()) != null; ) {
            held.addAndGet(-a.bytes.get());
            live.remove(a);
        }
        Account account = new Account(owner, dropped, this);
        live.add(account);
        return account;
    }

    /** The bytes kept by one cache; given back to the bound when the cache is collected. */
    static final class Account extends PhantomReference<Object> {
        private final AtomicLong bytes = new AtomicLong();
        private final AnswerCache bound;

        private Account(Object owner, ReferenceQueue<Object> queue, AnswerCache bound) {
            super(owner, queue);
            this.bound = bound;
        }

        /** Reserves {@code n} bytes; false (nothing reserved) when that would pass the bound. */
        boolean reserve(long n) {
            if (bound.held.addAndGet(n) > bound.maxBytes) {
                bound.held.addAndGet(-n);
                return false;
            }
            bytes.addAndGet(n);
            return true;
        }

        /** Gives back bytes reserved for something another request kept first. */
        void release(long n) {
            bytes.addAndGet(-n);
            bound.held.addAndGet(-n);
        }
    }
}
