package io.opengws.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RelayFloorTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void readsStartFromTheBeginningUntilAReadHasSettled() {
        RelayFloor floor = new RelayFloor(Duration.ofSeconds(5));
        assertEquals(0, floor.from(0));

        floor.sent(1 * SECOND, 100);
        floor.sent(2 * SECOND, 250);

        assertEquals(0, floor.from(5 * SECOND), "a row under id 100 may still be committing");
        assertEquals(101, floor.from(6 * SECOND));
        assertEquals(101, floor.from(6 * SECOND + 1));
        assertEquals(251, floor.from(7 * SECOND));
    }

    @Test
    void neverMovesBack() {
        RelayFloor floor = new RelayFloor(Duration.ofSeconds(5));
        floor.sent(0, 300);
        floor.sent(1 * SECOND, 200); // a read after a reset found an older row

        assertEquals(301, floor.from(10 * SECOND));
    }

    @Test
    void aResetStartsOverFromTheBeginning() {
        RelayFloor floor = new RelayFloor(Duration.ofSeconds(5));
        floor.sent(0, 100);
        assertEquals(101, floor.from(5 * SECOND));
        floor.sent(6 * SECOND, 180);

        floor.reset();

        assertEquals(0, floor.from(20 * SECOND), "what the reads before the reset saw is forgotten");
    }
}
