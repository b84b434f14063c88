package io.opengws.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GwsServiceJvmOptionsTest {

    private static final String GENERATIONAL = "-XX:ShenandoahGCMode=generational";

    @Test
    void onJdk17EveryServiceKeepsItsCompiledCodeAndNothingNewerIsAsked() {
        for (GwsService service : GwsService.values()) {
            List<String> options = service.defaultJvmOptions(17);

            assertTrue(options.contains(JvmOptions.KEEP_COMPILED_CODE), service + ": " + options);
            assertFalse(options.contains(JvmOptions.COMPACT_OBJECT_HEADERS), service + ": " + options);
            assertFalse(options.contains(GENERATIONAL), service + ": " + options);
        }
    }

    @Test
    void onJdk25EveryServiceHasCompactHeadersAndOnlyTheNotificationServiceGenerationalShenandoah() {
        for (GwsService service : GwsService.values()) {
            List<String> options = service.defaultJvmOptions(25);

            assertTrue(options.contains(JvmOptions.KEEP_COMPILED_CODE), service + ": " + options);
            assertTrue(options.contains(JvmOptions.COMPACT_OBJECT_HEADERS), service + ": " + options);
            assertTrue(options.contains(GENERATIONAL) == (service == GwsService.NOTIFICATION), service + ": " + options);
        }
    }

    @Test
    void noOptionIsEmpty() {
        for (int release : new int[] {17, 21, 25}) {
            for (GwsService service : GwsService.values()) {
                assertFalse(service.defaultJvmOptions(release).contains(""), service + " on " + release);
            }
        }
    }
}
