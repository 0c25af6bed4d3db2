package org.provisiontimeline.api;

import java.util.Arrays;

/**
 * One copy of each distinct fragment of a timeline's kept answers, found by content and stored end to end in one
 * growing byte array; a fragment is known by its number. Against one byte array per fragment in a hash map, a
 * fragment costs its bytes and ~12 more instead of ~64 more, the collector sees one array per timeline instead of
 * ~500, and the fragments of one answer sit near each other in memory: a large catalog's answers do not fit in the
 * processor's caches, and an answer is ~25 fragments (issue 15).
 * <p>
 * Fragments are only ever added. The arrays grow by copying, and the bytes of a fragment never change once it is
 * added, so a reader may use any array at least as new as the fragments it reads: it reads {@link #bytes} and
 * {@link #starts} (volatile) after the piece that names them, which was published after they were added. Adding
 * and looking up happen only when a piece is first rendered, under one lock.
 */
final class FragmentTable {

    /**
     * What keeping a new fragment costs besides its bytes: its start (4 bytes) and its slot in a lookup table at most
     * half full (~8 bytes). The room kept for growth is not counted: {@link #trim} gives it back.
     */
    static final int OVERHEAD = 12;

    private volatile byte[] bytes = new byte[256];
    /** {@code starts[k]} is where fragment {@code k} begins; {@code starts[count]} is where the next one will. */
    private volatile int[] starts = new int[8];
    private int count;
    /**
     * Fragment numbers plus one by content hash, open addressing; 0 is an empty slot. Only rendering looks fragments
     * up: {@link #trim} lets go of the table, and the next rendering (rare once a timeline's pieces are all
     * rendered) makes it again from the fragments.
     */
    private int[] slots = new int[32];

    /** The number of the fragment equal to {@code fragment}, adding it if there is none. */
    synchronized int intern(byte[] fragment) {
        lookupTable();
        int at = slot(fragment);
        if (slots[at] != 0) {
            return slots[at] - 1;
        }
        append(fragment);
        slots[at] = count;   // the new fragment's number is count - 1
        if (count * 2 > slots.length) {
            rehash();
        }
        return count - 1;
    }

    /** Whether a fragment equal to {@code fragment} is kept. */
    synchronized boolean contains(byte[] fragment) {
        lookupTable();
        return slots[slot(fragment)] != 0;
    }

    synchronized int size() {
        return count;
    }

    /**
     * Gives back the room kept for growth, and the lookup table: called once a timeline's pieces are all rendered,
     * when more fragments are unlikely. The arrays grow by half again, so without this a catalog keeps a quarter
     * more bytes than it uses, on average; the lookup table is at least twice as many ints as there are fragments
     * (~8 MiB of a 1,000-provision catalog's heap, issue 15).
     */
    synchronized void trim() {
        bytes = Arrays.copyOf(bytes, starts[count]);
        starts = Arrays.copyOf(starts, count + 1);
        slots = null;
    }

    /** Makes the lookup table again if {@link #trim} let go of it. */
    private void lookupTable() {
        if (slots == null) {
            slots = new int[Math.max(32, Integer.highestOneBit(Math.max(1, count)) * 4)];
            rehashInto(slots);
        }
    }

    /** Copies fragment {@code id} to {@code out} from {@code at}; returns where it ends. */
    int copy(int id, byte[] out, int at) {
        int[] s = starts;
        int length = s[id + 1] - s[id];
        System.arraycopy(bytes, s[id], out, at, length);
        return at + length;
    }

    /** The length of fragment {@code id}. */
    int length(int id) {
        int[] s = starts;
        return s[id + 1] - s[id];
    }

    private void append(byte[] fragment) {
        int end = starts[count];
        byte[] b = bytes;
        if (end + fragment.length > b.length) {
            b = Arrays.copyOf(b, Math.max(b.length + (b.length >> 1) + 16, end + fragment.length));
        }
        System.arraycopy(fragment, 0, b, end, fragment.length);
        int[] s = starts;
        if (count + 2 > s.length) {
            s = Arrays.copyOf(s, s.length + (s.length >> 1) + 2);
        }
        s[count + 1] = end + fragment.length;
        bytes = b;
        starts = s;
        count++;
    }

    /** The slot holding a fragment equal to {@code fragment}, or the empty slot where it belongs. */
    private int slot(byte[] fragment) {
        int mask = slots.length - 1;
        int at = mix(Arrays.hashCode(fragment)) & mask;
        while (slots[at] != 0 && !equal(slots[at] - 1, fragment)) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private boolean equal(int id, byte[] fragment) {
        int from = starts[id];
        return Arrays.equals(bytes, from, starts[id + 1], fragment, 0, fragment.length);
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        rehashInto(slots);
    }

    private void rehashInto(int[] table) {
        int mask = table.length - 1;
        for (int id = 0; id < count; id++) {
            int at = mix(hash(id)) & mask;
            while (table[at] != 0) {
                at = (at + 1) & mask;
            }
            table[at] = id + 1;
        }
    }

    /** {@link Arrays#hashCode(byte[])} of fragment {@code id}, read where it is stored. */
    private int hash(int id) {
        int h = 1;
        for (int i = starts[id]; i < starts[id + 1]; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    /** Spreads the hash's high bits into the low ones, which pick the slot. */
    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }
}
