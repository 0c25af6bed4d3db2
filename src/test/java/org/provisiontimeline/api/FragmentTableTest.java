package org.provisiontimeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FragmentTableTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void equalFragmentsAreKeptOnce() {
        FragmentTable table = new FragmentTable();
        byte[] first = bytes("{\"id\":\"e1\"}");
        assertFalse(table.contains(bytes("{\"id\":\"e1\"}")));
        assertSame(first, table.intern(first));
        assertTrue(table.contains(bytes("{\"id\":\"e1\"}")));
        assertSame(first, table.intern(bytes("{\"id\":\"e1\"}")), "an equal fragment gives back the kept one");
        assertEquals(1, table.size());
    }

    @Test
    void manyFragmentsSurviveTheTableGrowing() {
        FragmentTable table = new FragmentTable();
        byte[][] kept = new byte[5000][];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = table.intern(bytes("fragment " + i));
        }
        assertEquals(kept.length, table.size());
        for (int i = 0; i < kept.length; i++) {
            assertSame(kept[i], table.intern(bytes("fragment " + i)), "fragment " + i);
        }
        assertTrue(table.intern(new byte[0]).length == 0 && table.contains(new byte[0]), "the empty fragment too");
    }
}
