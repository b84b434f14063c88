package io.opengws.notification.me;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.opengws.common.events.EventJson;
import io.opengws.notification.me.MeProjection.Change;

class MeProjectionTest {

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static ObjectNode message(String messageType, String field, String resource) {
        return json("{'messageType':'" + messageType + "','" + field + "':" + resource + "}");
    }

    /** The changes of a message whose {@code field} is an array of these resources. */
    private static List<Change> changesOfList(String messageType, String field, String... resources) {
        return MeProjection.changes(message(messageType, field, "[" + String.join(",", resources) + "]"));
    }

    private static Change kept(String kind, String id, String resource) {
        return new Change(kind, id, json(resource));
    }

    private static Change forgotten(String kind, String id) {
        return new Change(kind, id, null);
    }

    // --- devices and channels: lists of resources ------------------------------------------------------------

    /** The kind is the name of the {@code GET /api/v2/me} subresource the resource shows under. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "DeviceStateChangeMessage, devices, id, devices, d-1, d-2",
            "ChannelStateChangeMessage, channels, channel, channels, chat, smssession"})
    void aListMessageKeepsEachResourceItCarriesUnderItsId(String messageType, String field, String idField, String kind,
            String firstId, String secondId) {
        String first = "{'" + idField + "':'" + firstId + "','state':'Ready','supervisorMonitoringStates':[]}";
        String second = "{'" + idField + "':'" + secondId + "','state':'NotReady'}";

        assertThat(changesOfList(messageType, field, first, second))
                .containsExactly(kept(kind, firstId, first), kept(kind, secondId, second));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "DeviceStateChangeMessage, devices, id",
            "ChannelStateChangeMessage, channels, channel"})
    void aListedResourceWithoutAnIdIsIgnoredAndTheOthersKept(String messageType, String field, String idField) {
        List<Change> changes = changesOfList(messageType, field,
                "{'state':'Ready'}", "{'" + idField + "':null,'state':'Ready'}", "{'" + idField + "':'kept','state':'Ready'}");

        assertThat(changes).extracting(Change::resourceId).containsExactly("kept");
    }

    @Test
    void aDeviceStateChangeWithoutDevicesChangesNothing() {
        assertThat(MeProjection.changes(json("{'messageType':'DeviceStateChangeMessage'}"))).isEmpty();
        assertThat(changesOfList("DeviceStateChangeMessage", "devices")).isEmpty();
    }

    // --- calls -----------------------------------------------------------------------------------------------

    @Test
    void anEstablishedCallIsKept() {
        String call = "{'id':'CALL0001','state':'Established','capabilities':['Hold','Hangup']}";

        List<Change> changes = MeProjection.changes(message("CallStateChangeMessage", "call", call));

        assertThat(changes).containsExactly(kept(MeProjection.CALLS, "CALL0001", call));
    }

    @Test
    void aReleasedCallIsForgotten() {
        List<Change> changes = MeProjection.changes(message("CallStateChangeMessage", "call", "{'id':'CALL0001','state':'Released'}"));

        assertThat(changes).containsExactly(forgotten(MeProjection.CALLS, "CALL0001"));
    }

    @Test
    void aCallWithoutAnIdIsIgnoredWhateverItsState() {
        assertThat(MeProjection.changes(message("CallStateChangeMessage", "call", "{'state':'Established'}"))).isEmpty();
        assertThat(MeProjection.changes(message("CallStateChangeMessage", "call", "{'state':'Released'}"))).isEmpty();
    }

    // --- chats and SMS sessions ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Completed", "Revoked", "LeftChat"})
    void aFinishedChatIsForgotten(String state) {
        List<Change> changes = MeProjection.changes(message("ChatStateChangeMessage", "chat", "{'id':'CHAT0001','state':'" + state + "'}"));

        assertThat(changes).containsExactly(forgotten(MeProjection.CHATS, "CHAT0001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Chatting", "Invited"})
    void aChatThatGoesOnIsKept(String state) {
        String chat = "{'id':'CHAT0001','state':'" + state + "','participants':[]}";

        List<Change> changes = MeProjection.changes(message("ChatStateChangeMessage", "chat", chat));

        assertThat(changes).containsExactly(kept(MeProjection.CHATS, "CHAT0001", chat));
    }

    @Test
    void anSmsSessionThatGoesOnIsKeptAndAFinishedOneForgotten() {
        String chatting = "{'id':'SMS00001','state':'Chatting'}";

        assertThat(MeProjection.changes(message("SMSsessionStateChangeMessage", "smssession", chatting)))
                .containsExactly(kept(MeProjection.SMS_SESSIONS, "SMS00001", chatting));
        assertThat(MeProjection.changes(message("SMSsessionStateChangeMessage", "smssession", "{'id':'SMS00001','state':'Completed'}")))
                .containsExactly(forgotten(MeProjection.SMS_SESSIONS, "SMS00001"));
    }

    @Test
    void anInteractionThatIsNotAnObjectChangesNothing() {
        assertThat(MeProjection.changes(message("ChatStateChangeMessage", "chat", "'CHAT0001'"))).isEmpty();
        assertThat(MeProjection.changes(json("{'messageType':'SMSsessionStateChangeMessage'}"))).isEmpty();
    }

    // --- everything else -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"MessageLogUpdated", "ErrorMessage", "SomethingNew", ""})
    void otherMessageTypesChangeNothing(String messageType) {
        ObjectNode data = message(messageType, "call", "{'id':'CALL0001','state':'Established'}");

        assertThat(MeProjection.changes(data)).isEmpty();
    }

    @Test
    void aMessageWithoutAMessageTypeChangesNothing() {
        assertThat(MeProjection.changes(json("{'devices':[{'id':'d-1'}]}"))).isEmpty();
    }

    @Test
    void theProjectionReadsOnlyTheTypesThatChangeAResource() {
        assertThat(MeProjection.mayChange("ChatStateChangeMessage")).isTrue();
        assertThat(MeProjection.mayChange("DeviceStateChangeMessage")).isTrue();
        assertThat(MeProjection.mayChange("MessageLogUpdated")).isFalse();
        assertThat(MeProjection.mayChange("ErrorMessage")).isFalse();
    }
}
