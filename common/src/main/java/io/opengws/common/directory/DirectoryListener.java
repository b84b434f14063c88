package io.opengws.common.directory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Keeps the {@link DirectoryReplica} up to date from {@code gws.directory}, replayed from the start at each start. */
@ApplicationScoped
public class DirectoryListener {

    public static final String CHANNEL = "gws-directory";

    @Inject
    DirectoryReplica replica;

    @Incoming(CHANNEL)
    public void onRecord(ConsumerRecord<String, String> record) {
        try {
            replica.apply(record.key(), record.value());
        } catch (RuntimeException malformed) {
            Log.warnf("Skipped a directory record that cannot be read (key %s): %s", record.key(), malformed.getMessage());
        }
    }
}
