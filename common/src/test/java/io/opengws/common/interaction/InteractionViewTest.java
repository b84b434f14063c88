package io.opengws.common.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opengws.common.events.EventJson;

/** The GWS shapes, with chat's and SMS's names, and what the customer is shown. */
class InteractionViewTest {

    @Test
    void aChatResourceHasTheSeedsKeysInTheSeedsOrder() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        Map<String, Object> chat = fixture.resourceOf("agent");
        assertThat(chat.keySet()).containsExactly("receivedDate", "chatType", "capabilities", "uri", "path", "state", "participants",
                "userData", "id");
        assertThat(chat).containsEntry("uri", "http://localhost:8080/api/v2/chats/0001DA9PFC93000S")
                .containsEntry("path", "/chats/0001DA9PFC93000S").containsEntry("receivedDate", "2014-05-05T18:08:45.000+0000")
                .containsEntry("chatType", "Inbound").containsEntry("userData", Map.of("Subject", "help"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> participants = (List<Map<String, Object>>) chat.get("participants");
        assertThat(participants.get(0).keySet()).containsExactly("nickname", "type", "visibility", "participantId");
        assertThat(participants.get(1)).containsEntry("type", "Agent").containsEntry("uri", "http://localhost:8080/api/v2/users/agent")
                .containsEntry("path", "/users/agent").containsEntry("visibility", "All");
        assertThat((String) participants.get(1).get("participantId")).matches("[0-9A-F]{16}");
    }

    @Test
    void anSmsSessionUsesTheSmsNamesEverywhere() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.SMS, "agent");
        fixture.act(() -> fixture.supervisor("sup", SupervisorMode.Coach, "agent"));
        Map<String, Object> state = fixture.to("sup").get(0).data();
        assertThat(state).containsKey("smssession").containsEntry("messageType", "SMSsessionStateChangeMessage")
                .doesNotContainKey("chat");
        @SuppressWarnings("unchecked")
        Map<String, Object> session = (Map<String, Object>) state.get("smssession");
        assertThat(session).containsEntry("uri", "http://localhost:8080/api/v2/smssessions/0001DA9PFC93000S")
                .containsEntry("path", "/smssessions/0001DA9PFC93000S");
        Map<String, Object> log = fixture.to("sup").get(2).data();
        assertThat(log).containsEntry("smssessionUri", "http://localhost:8080/api/v2/smssessions/0001DA9PFC93000S")
                .containsEntry("smssessionPath", "/smssessions/0001DA9PFC93000S").doesNotContainKeys("chatUri", "chatPath");
        assertThat(fixture.to("sup")).allSatisfy(notification -> assertThat(notification.topic()).isEqualTo("/v2/me/smssessions"));
    }

    @Test
    void aChatLogCarriesBothUriAndPathAndTranscriptEntriesTheirTimestamps() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        fixture.act(() -> fixture.interaction.write(fixture.user("agent"), InteractionOperation.SendUrl, "https://example.com/help",
                fixture.tick()));
        Map<String, Object> log = fixture.to("agent").get(0).data();
        assertThat(log).containsEntry("messageType", "MessageLogUpdated").containsEntry("notificationType", "NewMessages")
                .containsEntry("chatUri", "http://localhost:8080/api/v2/chats/0001DA9PFC93000S")
                .containsEntry("chatPath", "/chats/0001DA9PFC93000S");
        Map<String, Object> entry = fixture.messagesTo("agent").get(0);
        assertThat(entry.keySet()).containsExactly("index", "type", "from", "url", "visibility", "timestamp", "timestampSeconds");
        assertThat(entry).containsEntry("type", "PushUrl").containsEntry("url", "https://example.com/help")
                .containsEntry("timestamp", "2014-05-05T18:08:48.000+0000").containsEntry("timestampSeconds", 1399313328000L);
    }

    @Test
    void aCoachAndAMonitorNeverReachTheCustomersTranscriptParticipantsOrTheTranscriptReadAfterTheEnd() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.SMS, "agent");
        Interaction interaction = fixture.interaction;
        Participant coach = fixture.supervisor("coach", SupervisorMode.Coach, "agent");
        fixture.supervisor("monitor", SupervisorMode.Monitor, "agent");
        interaction.write(coach, InteractionOperation.SendToAgents, "Coach tip: offer a refund", fixture.tick());
        interaction.write(coach, InteractionOperation.SendStartTypingToAgentsNotification, null, fixture.tick());
        interaction.write(fixture.user("agent"), InteractionOperation.SendMessage, "We will refund you.", fixture.tick());

        List<Map<String, Object>> during = InteractionView.customerTranscript(interaction);
        assertThat(InteractionFixture.nicknames(InteractionView.customerChat(interaction, "c-1"))).containsExactly("test_clientL", "agent");
        interaction.complete(fixture.user("agent"), InteractionOperation.LeaveAndComplete, null, fixture.tick());
        List<Map<String, Object>> after = InteractionView.customerTranscript(interaction);

        for (List<Map<String, Object>> transcript : List.of(during, after)) {
            assertThat(transcript).noneMatch(m -> "Coach tip: offer a refund".equals(m.get("text")));
            assertThat(transcript).noneMatch(m -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> from = (Map<String, Object>) m.get("from");
                return "coach".equals(from.get("nickname")) || "monitor".equals(from.get("nickname"));
            });
            assertThat(transcript).allSatisfy(m -> assertThat(m).doesNotContainKey("visibility"));
        }
        assertThat(after).extracting(m -> m.get("type")).containsExactly("ParticipantJoined", "ParticipantJoined", "Text", "ParticipantLeft");
    }

    @Test
    void theCustomerNumbersOnlyWhatItSeesSoNoGapBetraysAHiddenEntryOrParticipant() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        Interaction interaction = fixture.interaction;
        Participant supervisor = fixture.supervisor("sup", SupervisorMode.Coach, "agent");
        interaction.write(supervisor, InteractionOperation.SendToAgents, "psst", fixture.tick());
        interaction.switchMode(supervisor, SupervisorMode.BargeIn, fixture.tick());
        interaction.write(supervisor, InteractionOperation.SendMessage, "Hello, I am the supervisor", fixture.tick());

        List<Map<String, Object>> transcript = InteractionView.customerTranscript(interaction);
        assertThat(transcript).extracting(m -> m.get("index")).containsExactly(1, 2, 3, 4);
        assertThat(transcript).extracting(m -> m.get("type")).containsExactly("ParticipantJoined", "ParticipantJoined",
                "ParticipantRejoined", "Text");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> participants = (List<Map<String, Object>>) InteractionView.customerChat(interaction, "c-1")
                .get("participants");
        assertThat(participants).extracting(p -> p.get("participantId")).containsExactly("1", "2", "3");
        assertThat(participants.get(2)).containsExactly(Map.entry("nickname", "sup"), Map.entry("participantId", "3"),
                Map.entry("type", "Agent"));
        assertThat(fixture.interaction.transcript).as("the coach's arrival and its psst are hidden from the customer").hasSize(6);
    }

    @Test
    void anAgentNumbersOnlyWhatItSeesSoASilentMonitorLeavesNoGap() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        fixture.supervisor("sup", SupervisorMode.Monitor, "agent");
        fixture.act(() -> fixture.interaction.customerWrites(EntryType.Text, "still there?", fixture.tick()));
        assertThat(fixture.messagesTo("agent")).singleElement().satisfies(m -> assertThat(m.get("index")).isEqualTo(3));
        assertThat(fixture.messagesTo("sup")).singleElement().satisfies(m -> assertThat(m.get("index")).isEqualTo(4));
    }

    @Test
    void theCustomersChatSaysWhetherAnAgentAnswers() {
        InteractionFixture fixture = InteractionFixture.waiting(ChannelNaming.CHAT);
        assertThat(InteractionView.customerChat(fixture.interaction, "c-1")).containsEntry("id", "c-1")
                .containsEntry("state", "WaitingForAgent")
                .containsEntry("capabilities", List.of("SendMessage", "SendStartTypingNotification", "SendStopTypingNotification", "Complete"));
        Participant agent = fixture.interaction.offer("agent", "agent", fixture.tick());
        fixture.interaction.accept(agent, null, fixture.tick());
        assertThat(InteractionView.customerChat(fixture.interaction, "c-1")).containsEntry("state", "Chatting");
        fixture.interaction.complete(agent, InteractionOperation.Complete, null, fixture.tick());
        assertThat(InteractionView.customerChat(fixture.interaction, "c-1")).containsEntry("state", "Completed")
                .containsEntry("capabilities", List.of());
    }

    /** As storage keeps it: the interaction as JSON without its entries, each entry as JSON of its own. */
    @Test
    void anInteractionStoredAsJsonReadsBackToTheSameViews() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.SMS, "agent");
        Participant supervisor = fixture.supervisor("sup", SupervisorMode.Coach, "agent");
        fixture.interaction.write(supervisor, InteractionOperation.SendToAgents, "tip", fixture.tick());
        fixture.interaction.addComment(fixture.user("agent"), "called back");

        String json = EventJson.write(fixture.interaction);
        List<String> entries = fixture.interaction.transcript.stream().map(EventJson::write).toList();
        Interaction read = EventJson.read(json, Interaction.class);
        assertThat(read.transcript).as("entries are stored apart").isEmpty();
        assertThat(read.hasWholeTranscript()).isFalse();
        assertThatThrownBy(() -> InteractionView.customerTranscript(read)).as("never a transcript with a gap")
                .isInstanceOf(IllegalStateException.class);
        read.prependTranscript(entries.stream().map(entry -> EventJson.read(entry, TranscriptEntry.class)).toList());

        for (String userId : List.of("agent", "sup")) {
            assertThat(InteractionView.resource(read, read.participantOfUser(userId).orElseThrow(), InteractionFixture.ORIGIN))
                    .isEqualTo(fixture.resourceOf(userId));
        }
        assertThat(InteractionView.customerTranscript(read)).isEqualTo(InteractionView.customerTranscript(fixture.interaction));
        assertThat(VisibilityPolicy.transcriptFor(read, Audience.SUPERVISOR)).hasSize(fixture.interaction.transcript.size());
        assertThat(EventJson.write(read)).isEqualTo(json);
    }

    /**
     * A change reads the interaction without its earlier entries: what it writes is numbered for each reader exactly
     * as it would be with the whole transcript at hand (no gap, no repeat, for the customer, agents and supervisors).
     */
    @Test
    void entriesWrittenWithoutTheEarlierOnesAtHandAreNumberedAsInTheWholeTranscript() {
        InteractionFixture fixture = InteractionFixture.chatting(ChannelNaming.CHAT, "agent");
        Participant supervisor = fixture.supervisor("sup", SupervisorMode.Coach, "agent");
        fixture.interaction.write(supervisor, InteractionOperation.SendToAgents, "tip", fixture.tick());
        fixture.interaction.write(fixture.user("agent"), InteractionOperation.SendMessage, "hello", fixture.tick());
        int before = fixture.interaction.transcriptSize;
        int customerReadBefore = VisibilityPolicy.transcriptFor(fixture.interaction, Audience.CUSTOMER).size();
        Instant at = fixture.tick();
        Interaction read = EventJson.read(EventJson.write(fixture.interaction), Interaction.class);

        for (Interaction copy : List.of(fixture.interaction, read)) {
            Participant agent = copy.participantOfUser("agent").orElseThrow();
            Participant coach = copy.participantOfUser("sup").orElseThrow();
            copy.write(coach, InteractionOperation.SendToAgents, "another tip", at);
            copy.write(agent, InteractionOperation.SendMessage, "how can I help?", at);
        }

        for (Audience reader : Audience.values()) {
            assertThat(VisibilityPolicy.transcriptFor(read, reader, before)).as(reader.name())
                    .usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(VisibilityPolicy.transcriptFor(fixture.interaction, reader, before));
        }
        assertThat(VisibilityPolicy.transcriptFor(read, Audience.CUSTOMER, before)).extracting(VisibilityPolicy.SeenEntry::index)
                .as("the customer's next number follows those it read, the coach's tips not counted").containsExactly(customerReadBefore + 1);
    }
}
