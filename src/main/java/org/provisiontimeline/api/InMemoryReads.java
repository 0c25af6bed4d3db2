package org.provisiontimeline.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Supplier;

/**
 * Where a read runs (issue 15). A read answered from the in-memory catalog, from models already built, runs on the
 * event loop that received the request: handing it to a worker thread and back cost more than the answer itself (a
 * status answer is a binary search and a copy of bytes), and capped the status path well below a trivial endpoint.
 * A read that may block or take long is handed to a worker as before: a past version read from the database
 * ({@code asOf}), or a model not built yet (a timeline of a large provision takes up to a few hundred ms to build,
 * which must not stall every other connection of that event loop).
 */
final class InMemoryReads {

    private InMemoryReads() {
    }

    /**
     * {@code read} on the calling event loop when {@code ready}, else on a worker thread. Exceptions it throws
     * (problems) reach the exception mappers either way.
     */
    static <T> Uni<T> run(boolean ready, Supplier<T> read) {
        Uni<T> answer = Uni.createFrom().item(read);
        return ready ? answer : answer.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
