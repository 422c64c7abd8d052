package org.tongke.signaling.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.jitsi.xmpp.extensions.colibri2.Colibri2Endpoint;
import org.jitsi.xmpp.extensions.colibri2.ConferenceModifiedIQ;
import org.jitsi.xmpp.extensions.colibri2.ConferenceModifyIQ;
import org.jitsi.xmpp.extensions.colibri2.Transport;
import org.jitsi.xmpp.extensions.colibri2.json.Colibri2JSONSerializer;

/**
 * A stand-in for Jitsi Videobridge's private REST API in tests: it is NOT the bridge and forwards
 * no media. It speaks the Colibri2 JSON of {@code POST /colibri/v2/conferences} and
 * {@code PATCH /colibri/v2/conferences/{meetingId}}, reading requests with jitsi-xmpp-extensions'
 * own deserializer and answering with its serializer, and refuses what the bridge refuses (a
 * create without a transport or without the {@code source-names} capability, an unknown meeting,
 * a meeting created twice). It serves {@code /about/health} and {@code /colibri/stats}, and can be
 * told to fail: answer a status, answer late, or leave the transport out. Each endpoint's
 * allocation names its bridge channel, a colibri WebSocket the stand-in serves like the bridge
 * ({@link StandInBridgeChannels}): it checks the {@code pwd}, greets, and records what the console
 * sends (its receiver constraints).
 */
public final class StandInBridge implements AutoCloseable {
    /** One endpoint as the stand-in keeps it. */
    public record EndpointState(String id, List<MediaSourceSpec> sources, MediaTransport consoleTransport) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Map<String, EndpointState>> conferences = new ConcurrentHashMap<>();
    /** The ICE password the stand-in gave each endpoint, by meeting and endpoint: its channel's {@code pwd}. */
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final StandInBridgeChannels channels;
    private final List<ObjectNode> requests = new CopyOnWriteArrayList<>();
    private volatile int failWithStatus;
    private volatile long delayMillis;
    private volatile boolean omitTransport;
    private volatile boolean healthy = true;
    private volatile double stress;

    public StandInBridge() throws IOException {
        channels = new StandInBridgeChannels(this::password, this::videoSources);
        // The JDK server writes headers and body apart; without TCP_NODELAY every answer waits
        // out the peer's delayed ACK (40 ms), which is the stand-in's cost, not the focus's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/colibri/v2/conferences", this::conferences);
        server.createContext("/about/health", ex -> respond(ex, healthy ? 200 : 500, healthy ? "" : "{\"error\":\"unhealthy\"}"));
        server.createContext("/colibri/stats", this::stats);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public void failWith(int status) {
        failWithStatus = status;
    }

    void answerAfter(long millis) {
        delayMillis = millis;
    }

    void omitTransport(boolean omit) {
        omitTransport = omit;
    }

    void healthy(boolean healthy) {
        this.healthy = healthy;
    }

    void stress(double stress) {
        this.stress = stress;
    }

    /** The messages the endpoint sent over its bridge channels, oldest first. */
    public List<ObjectNode> channelMessages(String endpoint) {
        return channels.received(endpoint);
    }

    /** The last {@code ReceiverVideoConstraints} the endpoint sent, or null. */
    public ObjectNode lastConstraints(String endpoint) {
        List<ObjectNode> sent = channels.received(endpoint);
        for (int i = sent.size() - 1; i >= 0; i--) {
            if ("ReceiverVideoConstraints".equals(sent.get(i).path("colibriClass").asText())) {
                return sent.get(i);
            }
        }
        return null;
    }

    /** How many times the endpoint opened its bridge channel. */
    public int channelOpens(String endpoint) {
        return channels.opens(endpoint);
    }

    public boolean channelOpen(String endpoint) {
        return channels.isOpen(endpoint);
    }

    /** How many channel openings were refused (wrong {@code pwd}, unknown endpoint). */
    public int channelsRefused() {
        return channels.refused();
    }

    /** Drops every bridge channel without a close frame, as a broken network would. */
    public void dropChannels() {
        channels.dropAll();
    }

    /** The port the colibri WebSockets are served on (behind a front that routes {@code /colibri-ws/} here). */
    public int channelPort() {
        return channels.port();
    }

    /**
     * The host and port the channel URLs name, as {@code videobridge.websockets.domain} does for the
     * bridge: the front the consoles reach, so that their page and its bridge channels share one origin.
     */
    public void channelDomain(String hostAndPort) {
        channels.domain(hostAndPort);
    }

    /** The URL of an endpoint's bridge channel with the given {@code pwd} (to try a wrong one). */
    String channelUrl(String meeting, String endpoint, String pwd) {
        return channels.url(meeting, endpoint, pwd);
    }

    private String password(String meeting, String endpoint) {
        Map<String, EndpointState> endpoints = conferences.get(meeting);
        return endpoints != null && endpoints.containsKey(endpoint) ? passwords.get(meeting + "/" + endpoint) : null;
    }

    private Map<String, List<String>> videoSources(String meeting) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        conferences.getOrDefault(meeting, Map.of()).forEach((id, e) -> out.put(id, e.sources().stream()
                .filter(s -> s.kind() == MediaSourceSpec.Kind.VIDEO).map(MediaSourceSpec::name).toList()));
        return out;
    }

    public List<ObjectNode> requests() {
        return List.copyOf(requests);
    }

    public Map<String, Map<String, EndpointState>> conferences() {
        Map<String, Map<String, EndpointState>> copy = new LinkedHashMap<>();
        conferences.forEach((id, eps) -> copy.put(id, Map.copyOf(eps)));
        return copy;
    }

    private void stats(HttpExchange exchange) throws IOException {
        int participants = conferences.values().stream().mapToInt(Map::size).sum();
        respond(exchange, 200, "{\"stress_level\":" + stress + ",\"participants\":" + participants
                + ",\"conferences\":" + conferences.size() + "}");
    }

    private void conferences(HttpExchange exchange) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(exchange.getRequestBody());
        requests.add(request);
        if (delayMillis > 0) {
            sleep(delayMillis);
        }
        if (failWithStatus != 0) {
            respond(exchange, failWithStatus, "{\"error\":\"stand-in told to fail\"}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        ConferenceModifyIQ iq;
        try {
            iq = Colibri2Json.readRequest(request);
        } catch (RuntimeException e) {
            respond(exchange, 400, "{\"error\":\"not colibri2: " + e.getMessage() + "\"}");
            return;
        }
        String meeting = iq.getMeetingId();
        if ("POST".equals(method) && path.matches("/colibri/v2/conferences/?")) {
            if (!iq.getCreate()) {
                respond(exchange, 400, "{\"error\":\"POST must create\"}");
                return;
            }
            if (conferences.putIfAbsent(meeting, new ConcurrentHashMap<>()) != null) {
                respond(exchange, 409, "{\"error\":\"conference already exists\"}");
                return;
            }
        } else if ("PATCH".equals(method)) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            if (!id.equals(meeting) || !conferences.containsKey(meeting)) {
                respond(exchange, 404, "{\"error\":\"conference not found\"}");
                return;
            }
            if (iq.getExpire()) {
                conferences.remove(meeting).keySet().forEach(channels::expired);
                respond(exchange, 200, "{}");
                return;
            }
        } else {
            respond(exchange, 405, "{\"error\":\"method\"}");
            return;
        }
        modify(exchange, iq, conferences.get(meeting));
    }

    private void modify(HttpExchange exchange, ConferenceModifyIQ iq, Map<String, EndpointState> endpoints)
            throws IOException {
        ConferenceModifiedIQ.Builder reply = ConferenceModifiedIQ.builder("reply");
        for (Colibri2Endpoint e : iq.getEndpoints()) {
            if (e.getExpire()) {
                endpoints.remove(e.getId());
                channels.expired(e.getId());
                continue;
            }
            if (e.getCreate()) {
                if (e.getTransport() == null || !e.hasCapability("source-names")) {
                    respond(exchange, 400, "{\"error\":\"create needs a transport and source-names\"}");
                    return;
                }
                endpoints.put(e.getId(), new EndpointState(e.getId(), sources(e), null));
                Colibri2Endpoint.Builder answer = Colibri2Endpoint.getBuilder();
                answer.setId(e.getId());
                if (!omitTransport) {
                    answer.setTransport(Transport.getBuilder().setIceUdpExtension(Colibri2Json.iceUdp(bridgeTransport(
                            iq.getMeetingId(), e.getId()))).build());
                }
                reply.addEndpoint(answer.build());
                continue;
            }
            EndpointState known = endpoints.get(e.getId());
            if (known == null) {
                respond(exchange, 404, "{\"error\":\"endpoint not found\"}");
                return;
            }
            MediaTransport transport = e.getTransport() != null && e.getTransport().getIceUdpTransport() != null
                    ? Colibri2Json.transport(e.getTransport().getIceUdpTransport()) : known.consoleTransport();
            List<MediaSourceSpec> sources = e.getSources() != null ? sources(e) : known.sources();
            endpoints.put(e.getId(), new EndpointState(e.getId(), sources, transport));
            if (e.getSources() != null) {
                channels.tellSenders(iq.getMeetingId());
            }
        }
        if (iq.getCreate()) {
            reply.setSources(Colibri2Json.sources(List.of(
                    new MediaSourceSpec("jvb-a0", MediaSourceSpec.Kind.AUDIO, List.of(411_111L), List.of()),
                    new MediaSourceSpec("jvb-v0", MediaSourceSpec.Kind.VIDEO, List.of(422_222L), List.of()))));
        }
        respond(exchange, 200, Colibri2JSONSerializer.serializeConferenceModified(reply.build()).toString());
    }

    private MediaTransport bridgeTransport(String meeting, String endpoint) {
        String ufrag = UUID.randomUUID().toString().substring(0, 8);
        String pwd = UUID.randomUUID().toString().replace("-", "");
        passwords.put(meeting + "/" + endpoint, pwd);
        return new MediaTransport(ufrag, pwd,
                List.of(new Fingerprint("sha-256", "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99", "actpass")),
                List.of(new IceCandidate("1", 1, "udp", 2_130_706_431L, "127.0.0.1", 10_000, "host", null, 0, 0)),
                List.of(channels.url(meeting, endpoint, pwd)));
    }

    private static List<MediaSourceSpec> sources(Colibri2Endpoint e) {
        if (e.getSources() == null) {
            return List.of();
        }
        List<MediaSourceSpec> specs = new ArrayList<>();
        e.getSources().getMediaSources().forEach(s -> specs.add(Colibri2Json.spec(s)));
        return specs;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        channels.close();
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
