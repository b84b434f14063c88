package io.opengws.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The chat benchmark finds its messages in a CometD reply by a scan: it must find each, and only its own. */
class ChatBenchmarkRepliesTest {

    @Test
    void theBenchmarksOwnTextsAreFoundInEveryMessageLogOfAReply() {
        String reply = "[{\"data\":{\"messages\":[{\"index\":7,\"type\":\"Text\",\"text\":\"m-1b2c\",\"from\":{\"nickname\":\"agent\"}},"
                + "{\"index\":8,\"type\":\"Notice\",\"text\":\"joined\"}],\"notificationType\":\"NewMessages\"},\"channel\":\"/v2/me/chats\"},"
                + "{\"channel\":\"/meta/connect\",\"successful\":true},"
                + "{\"data\":{\"messages\":[{\"index\":9,\"type\":\"Text\",\"text\":\"m-3d4e\"}]},\"channel\":\"/v2/me/chats\"}]";

        assertEquals(List.of("m-1b2c", "m-3d4e"), ChatBenchmark.sentTexts(reply));
    }

    @Test
    void aReplyWithoutMessagesHasNone() {
        assertEquals(List.of(), ChatBenchmark.sentTexts("[{\"channel\":\"/meta/connect\",\"successful\":true}]"));
    }
}
