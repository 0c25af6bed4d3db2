package org.provisiontimeline.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.provisiontimeline.importer.ProvisionReader;
import org.provisiontimeline.status.Provision;

/** The catalog keeps bound models within its bound, lets go of the least recently used first, and binds again. */
class ModelBudgetTest {

    private static final Provision PROVISION = read();
    private static final int EVENTS = PROVISION.events().size();

    private static Provision read() {
        try {
            return new ProvisionReader().readProvision(Files.readAllBytes(Path.of("data/us-fsa-907.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParsedOnFirstUse lazy(ModelBudget budget, AtomicInteger loads) {
        return ParsedOnFirstUse.of(() -> {
            loads.incrementAndGet();
            return PROVISION;
        }, budget);
    }

    @Test
    void theLeastRecentlyUsedModelIsLetGoOfAndBoundAgainOnUse() throws InterruptedException {
        ModelBudget budget = new ModelBudget(2L * EVENTS);   // room for two models
        AtomicInteger loadsA = new AtomicInteger();
        AtomicInteger loadsB = new AtomicInteger();
        AtomicInteger loadsC = new AtomicInteger();
        ParsedOnFirstUse a = lazy(budget, loadsA);
        ParsedOnFirstUse b = lazy(budget, loadsB);
        ParsedOnFirstUse c = lazy(budget, loadsC);
        Model first = a.model();
        Thread.sleep(2);   // lastUse is System.nanoTime(): distinct and in order
        b.model();
        Thread.sleep(2);
        a.model();   // a is now more recent than b
        Thread.sleep(2);
        assertEquals(2L * EVENTS, budget.events());
        assertTrue(budget.full());
        c.model();
        assertEquals(2L * EVENTS, budget.events(), "within the bound after the third model");
        assertTrue(a.isParsed(), "used more recently than b: kept");
        assertFalse(b.isParsed(), "used longest ago: let go of");
        assertTrue(c.isParsed(), "just bound: kept");
        assertSame(first, a.model(), "a kept model is the same object");
        Model again = b.model();
        assertEquals(2, loadsB.get(), "b is read again when next asked for");
        assertEquals(1, loadsA.get());
        assertNotSame(null, again.provision);
        assertEquals(2L * EVENTS, budget.events(), "binding b again let go of another");
        assertEquals(List.of("general", "fsa-title-v"), b.categoryIds().subList(0, 2),
                "category ids known with or without the model");
    }

    @Test
    void aModelLargerThanTheBoundIsStillKeptWhileItIsTheOnlyOne() {
        ModelBudget budget = new ModelBudget(1);
        AtomicInteger loads = new AtomicInteger();
        ParsedOnFirstUse a = lazy(budget, loads);
        Model m = a.model();
        assertTrue(a.isParsed(), "nothing else to let go of: the one just bound stays");
        assertSame(m, a.model());
        assertEquals(1, loads.get());
        ParsedOnFirstUse b = lazy(budget, new AtomicInteger());
        b.model();
        assertFalse(a.isParsed(), "the older one goes when another is bound");
        assertEquals(EVENTS, budget.events());
    }

    @Test
    void givenModelsAreNeitherCountedNorLetGoOf() {
        ModelBudget budget = new ModelBudget(1);
        ParsedOnFirstUse given = ParsedOnFirstUse.parsed(PROVISION);
        lazy(budget, new AtomicInteger()).model();
        lazy(budget, new AtomicInteger()).model();
        assertTrue(given.isParsed());
        assertEquals(0, given.drop(), "a given provision cannot be read again, so it is never let go of");
        assertTrue(given.isParsed());
    }

    @Test
    void aRetiredVersionNoLongerCounts() {
        ModelBudget budget = new ModelBudget(10L * EVENTS);
        ParsedOnFirstUse old = ParsedOnFirstUse.bound(PROVISION, () -> PROVISION, budget);
        assertEquals(EVENTS, budget.events());
        budget.retire(old);
        assertEquals(0, budget.events());
        assertFalse(old.isParsed());
    }

    /** Readers on many threads bind, use and let go of models at once: the count always matches what is bound. */
    @Test
    void theCountMatchesWhatIsBoundUnderConcurrentUse() throws Exception {
        ModelBudget budget = new ModelBudget(3L * EVENTS);
        List<ParsedOnFirstUse> models = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            models.add(lazy(budget, new AtomicInteger()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        Model m = models.get(ThreadLocalRandom.current().nextInt(models.size())).model();
                        assertEquals(EVENTS, m.provision.events().size(), "a reader always gets a whole model");
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long bound = models.stream().filter(ParsedOnFirstUse::isParsed).count();
        assertEquals(bound * EVENTS, budget.events(), "counted events are those of the bound models");
        assertTrue(budget.events() <= 3L * EVENTS, "within the bound once the readers are done");
    }
}
