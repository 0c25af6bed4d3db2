package org.provisiontimeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The entry point turns H2's string cache off unless told otherwise (it kept ~240 whole documents alive). */
class MainTest {

    private final String before = System.getProperty(Main.H2_OBJECT_CACHE);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Main.H2_OBJECT_CACHE);
        } else {
            System.setProperty(Main.H2_OBJECT_CACHE, before);
        }
    }

    @Test
    void h2sStringCacheIsOffByDefault() {
        System.clearProperty(Main.H2_OBJECT_CACHE);
        Main.keepNoDocumentsInH2sStringCache();
        assertEquals("false", System.getProperty(Main.H2_OBJECT_CACHE));
    }

    @Test
    void anExplicitSettingWins() {
        System.setProperty(Main.H2_OBJECT_CACHE, "true");
        Main.keepNoDocumentsInH2sStringCache();
        assertEquals("true", System.getProperty(Main.H2_OBJECT_CACHE));
    }
}
