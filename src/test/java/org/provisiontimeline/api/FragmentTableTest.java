package org.provisiontimeline.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FragmentTableTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(FragmentTable table, int... ids) {
        int length = 0;
        for (int id : ids) {
            length += table.length(id);
        }
        return length;
    }

    private static int copy(FragmentTable table, int[] ids, byte[] out, int at) {
        for (int id : ids) {
            at = table.copy(id, out, at);
        }
        return at;
    }

    private static String joined(FragmentTable table, int... ids) {
        byte[] out = new byte[length(table, ids) + 2];
        out[0] = '<';
        int end = copy(table, ids, out, 1);
        out[end] = '>';
        assertEquals(out.length - 1, end, "copy returns where the fragments end");
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void equalFragmentsAreKeptOnceAndReadBackInOrder() {
        FragmentTable table = new FragmentTable();
        assertFalse(table.contains(bytes("{\"id\":\"e1\"}")));
        int e1 = table.intern(bytes("{\"id\":\"e1\"}"));
        int comma = table.intern(bytes(","));
        int e2 = table.intern(bytes("{\"id\":\"é2\"}"));
        assertTrue(table.contains(bytes("{\"id\":\"e1\"}")));
        assertEquals(e1, table.intern(bytes("{\"id\":\"e1\"}")), "an equal fragment has the kept one's number");
        assertEquals(3, table.size());
        assertEquals("<{\"id\":\"é2\"},{\"id\":\"e1\"},{\"id\":\"é2\"}>", joined(table, e2, comma, e1, comma, e2));
    }

    @Test
    void fragmentsSurviveTheTableGrowing() {
        FragmentTable table = new FragmentTable();
        int[] ids = new int[5000];
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < ids.length; i++) {
            byte[] f = bytes("fragment " + i + " ".repeat(i % 300));   // past the first array's 256 bytes
            ids[i] = table.intern(f);
            expected.writeBytes(f);
        }
        assertEquals(ids.length, table.size());
        for (int i = 0; i < ids.length; i++) {
            assertEquals(ids[i], table.intern(bytes("fragment " + i + " ".repeat(i % 300))), "fragment " + i);
        }
        byte[] out = new byte[length(table, ids)];
        copy(table, ids, out, 0);
        assertArrayEquals(expected.toByteArray(), out);
        table.trim();   // room for growth and the lookup table given back: the same fragments, and more may be added
        assertTrue(table.contains(bytes("fragment 4999" + " ".repeat(4999 % 300))), "found after the trim");
        int more = table.intern(bytes("after the trim"));
        assertEquals(ids[4321], table.intern(bytes("fragment 4321" + " ".repeat(4321 % 300))));
        assertEquals("<fragment 7       after the trim>", joined(table, ids[7], more));
        out = new byte[length(table, ids)];
        copy(table, ids, out, 0);
        assertArrayEquals(expected.toByteArray(), out);
        int empty = table.intern(new byte[0]);
        assertTrue(table.contains(new byte[0]) && table.length(empty) == 0, "the empty fragment too");
    }
}
