package io.opengws.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GwsServiceJvmOptionsTest {

    private static final String GENERATIONAL = "-XX:ShenandoahGCMode=generational";

    /**
     * On every release each service keeps its compiled code and starts no collection to unload it; from JDK 25 each also has compact object headers, and the
     * notification service alone generational Shenandoah; no option is ever empty (an empty argument stops a JVM).
     */
    @Test
    void eachServicesOptionsFollowTheRelease() {
        for (int release : new int[] {17, 21, 25}) {
            for (GwsService service : GwsService.values()) {
                List<String> options = service.defaultJvmOptions(release);
                String where = service + " on " + release + ": " + options;

                assertTrue(options.contains(JvmOptions.KEEP_COMPILED_CODE), where);
                assertTrue(options.contains(JvmOptions.NO_CODE_CACHE_COLLECTIONS), where);
                assertEquals(release >= 25, options.contains(JvmOptions.COMPACT_OBJECT_HEADERS), where);
                assertEquals(release >= 25 && service == GwsService.NOTIFICATION, options.contains(GENERATIONAL), where);
                assertFalse(options.contains(""), where);
            }
        }
    }
}
