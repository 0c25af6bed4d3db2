package org.provisiontimeline.api;

import java.util.Arrays;

/**
 * One copy of each distinct fragment of a timeline's kept answers, found by content. An open-addressing table of the
 * byte arrays themselves: a fragment costs its array and a slot, where a {@code ConcurrentHashMap} keyed by a
 * wrapper cost ~64 bytes more (the wrapper, the map's node, the value reference), ~14 MB for the 1,000-provision
 * catalog (issue 15). Lookups happen only when a piece is first rendered, so one lock is enough.
 */
final class FragmentTable {

    /**
     * What keeping a new fragment costs besides its bytes, with compressed references (heaps under 32 GiB): the
     * array's 16-byte header, ~4 bytes of padding to 8, and its slot in a table at most half full (~8 bytes).
     */
    static final int OVERHEAD = 28;

    private byte[][] slots = new byte[16][];
    private int count;

    /** The kept fragment equal to {@code fragment}, keeping {@code fragment} itself if there is none. */
    synchronized byte[] intern(byte[] fragment) {
        int at = slot(fragment);
        if (slots[at] != null) {
            return slots[at];
        }
        slots[at] = fragment;
        if (++count * 2 > slots.length) {
            grow();
        }
        return fragment;
    }

    /** Whether a fragment equal to {@code fragment} is kept. */
    synchronized boolean contains(byte[] fragment) {
        return slots[slot(fragment)] != null;
    }

    synchronized int size() {
        return count;
    }

    /** The slot holding a fragment equal to {@code fragment}, or the empty slot where it belongs. */
    private int slot(byte[] fragment) {
        int mask = slots.length - 1;
        int at = mix(Arrays.hashCode(fragment)) & mask;
        while (slots[at] != null && !Arrays.equals(slots[at], fragment)) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private void grow() {
        byte[][] old = slots;
        slots = new byte[old.length * 2][];
        for (byte[] f : old) {
            if (f != null) {
                slots[slot(f)] = f;
            }
        }
    }

    /** Spreads the hash's high bits into the low ones, which pick the slot. */
    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }
}
