package org.tongke.signaling.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jitsi.xmpp.extensions.colibri2.Colibri2Endpoint;
import org.jitsi.xmpp.extensions.colibri2.ConferenceModifyIQ;
import org.junit.jupiter.api.Test;

class Colibri2JsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaSourceSpec CAMERA = new MediaSourceSpec("ep1-v0", MediaSourceSpec.Kind.VIDEO,
            List.of(1111L, 2222L), List.of(new MediaSourceSpec.SsrcGroup("FID", List.of(1111L, 2222L))));

    @Test
    void allocationCreatesTheConferenceWithAnEndpointThatHasTransportAndSourceNames() {
        ObjectNode request = Colibri2Json.allocate("m-1", "四年级数学", true, "ep1", "chengxi/lubo", List.of(CAMERA));

        assertThat(request.path("meeting-id").asText()).isEqualTo("m-1");
        assertThat(request.path("create").asBoolean()).isTrue();
        assertThat(request.path("name").asText()).isEqualTo("四年级数学");
        ObjectNode endpoint = (ObjectNode) request.path("endpoints").get(0);
        assertThat(endpoint.path("create").asBoolean()).isTrue();
        assertThat(endpoint.path("capabilities").toString()).isEqualTo("[\"source-names\"]");
        assertThat(endpoint.path("transport").path("ice-controlling").asBoolean()).isTrue();
        assertThat(endpoint.path("medias").findValuesAsText("type")).contains("audio", "video");
        assertThat(endpoint.path("sources").get(0).path("ssrc-groups").get(0).path("semantics").asText())
                .isEqualTo("FID");
    }

    @Test
    void requestsReadBackThroughTheBridgesOwnDeserializer() {
        ConferenceModifyIQ iq = Colibri2Json.readRequest(
                Colibri2Json.allocate("m-1", "lesson", false, "ep1", "stats", List.of(CAMERA)));

        assertThat(iq.getCreate()).isFalse();
        Colibri2Endpoint endpoint = iq.getEndpoints().get(0);
        assertThat(endpoint.getId()).isEqualTo("ep1");
        assertThat(endpoint.hasCapability("source-names")).isTrue();
        assertThat(Colibri2Json.spec(endpoint.getSources().getMediaSources().get(0))).isEqualTo(CAMERA);
    }

    @Test
    void consoleTransportSurvivesTheWayToTheBridgeAndBack() {
        MediaTransport console = new MediaTransport("uf1", "pw1pw1pw1pw1",
                List.of(new Fingerprint("sha-256", "AB:CD:EF", "active")),
                List.of(new IceCandidate("842163049", 1, "udp", 1_677_729_535L, "192.0.2.7", 53_100, "srflx",
                        "10.0.0.7", 53_100, 0)),
                List.of());
        ConferenceModifyIQ iq = Colibri2Json.readRequest(Colibri2Json.update("m-1", "ep1", console, null));

        MediaTransport back = Colibri2Json.transport(iq.getEndpoints().get(0).getTransport().getIceUdpTransport());
        assertThat(back).isEqualTo(console);
    }

    @Test
    void expiresAnEndpointOrTheWholeConference() {
        assertThat(Colibri2Json.expireEndpoint("m-1", "ep1").toString())
                .isEqualTo("{\"endpoints\":[{\"id\":\"ep1\",\"expire\":true}],\"meeting-id\":\"m-1\"}");
        assertThat(Colibri2Json.expireConference("m-1").toString()).isEqualTo("{\"expire\":true,\"meeting-id\":\"m-1\"}");
    }

    @Test
    void readsAnAllocationReplyInTheShapeOfTheBridgeDocumentation() throws Exception {
        // The shape of the reply in jitsi-videobridge's doc/rest-colibri2.md, with values of our own.
        String reply = """
                {"endpoints":[{"id":"ep1","transport":{"transport":{
                   "candidates":[{"generation":"0","component":"1","protocol":"udp","port":"10000",
                     "ip":"198.51.100.4","foundation":"1","id":"c1","priority":"2130706431","type":"host","network":"0"}],
                   "xmlns":"urn:xmpp:jingle:transports:ice-udp:1","ufrag":"8k2ma1","rtcp-mux":true,
                   "pwd":"3q9v1l7d0s2x","web-sockets":["wss://jvb.example.org/colibri-ws/jvb1/m-1/ep1?pwd=3q9v1l7d0s2x"],
                   "fingerprints":[{"fingerprint":"0A:1B:2C","setup":"actpass","hash":"sha-256"}]}}}],
                 "sources":[{"sources":[{"ssrc":3490535668,"name":"jvb-a0"}],"id":"jvb-a0","type":"audio"},
                            {"sources":[{"ssrc":1348796334,"name":"jvb-v0"}],"id":"jvb-v0","type":"video"}]}
                """;

        Allocation a = Colibri2Json.allocation("jvb1", "m-1", "ep1", (ObjectNode) JSON.readTree(reply));

        assertThat(a.transport().ufrag()).isEqualTo("8k2ma1");
        assertThat(a.transport().pwd()).isEqualTo("3q9v1l7d0s2x");
        assertThat(a.transport().fingerprints()).containsExactly(new Fingerprint("sha-256", "0A:1B:2C", "actpass"));
        assertThat(a.transport().candidates()).singleElement()
                .satisfies(c -> assertThat(c.ip() + ":" + c.port() + " " + c.type()).isEqualTo("198.51.100.4:10000 host"));
        assertThat(a.transport().webSockets()).containsExactly("wss://jvb.example.org/colibri-ws/jvb1/m-1/ep1?pwd=3q9v1l7d0s2x");
        assertThat(a.feedbackSources()).extracting(MediaSourceSpec::name).containsExactly("jvb-a0", "jvb-v0");
        assertThat(a.feedbackSources().get(0).ssrcs()).containsExactly(3_490_535_668L);
    }

    @Test
    void aReplyWithoutTheEndpointsTransportIsAFailureOfItsOwnKind() throws Exception {
        ObjectNode reply = (ObjectNode) JSON.readTree("{\"endpoints\":[{\"id\":\"ep1\"}]}");

        assertThatThrownBy(() -> Colibri2Json.allocation("jvb1", "m-1", "ep1", reply))
                .isInstanceOfSatisfying(BridgeFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(BridgeFailure.Kind.NO_TRANSPORT))
                .hasMessageContaining("jvb1").hasMessageContaining("ep1");
    }
}
