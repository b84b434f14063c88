package io.opengws.common.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

class RandomIdsTest {

    @Test
    void aUuidHasTheTextFormAndTheBitsOfAVersion4Uuid() {
        for (int i = 0; i < 1_000; i++) {
            String text = RandomIds.uuid();
            UUID parsed = UUID.fromString(text);
            assertEquals(text, parsed.toString());
            assertEquals(4, parsed.version());
            assertEquals(2, parsed.variant());
        }
    }

    @Test
    void hexGivesTwoDigitsPerByteInTheAskedCase() {
        assertTrue(RandomIds.hex(8).matches("[0-9a-f]{16}"));
        assertTrue(RandomIds.upperHex(16).matches("[0-9A-F]{32}"));
    }

    @Test
    void idsDrawnOnManyThreadsAtOnceNeverRepeat() throws InterruptedException {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    seen.add(RandomIds.upperHex(8));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(8 * 20_000, seen.size(), "a 64-bit id repeated: the threads' generators are not independent");
    }
}
