package org.tongke.signaling.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (the JDK's) that keeps what it receives as JSON. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile String closeReason;
    private volatile long lastSeq;
    private JsonNode welcome;
    private WebSocket ws;

    static WsClient connect(int port) {
        WsClient client = new WsClient();
        client.ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), client).join();
        return client;
    }

    /** Connects and says hello; returns the welcome. */
    static WsClient welcomed(int port, String token) throws InterruptedException {
        WsClient client = connect(port);
        client.send("{\"v\":1,\"type\":\"hello\",\"token\":\"" + token + "\"}");
        client.welcome = client.next("welcome");
        return client;
    }

    /** The welcome this client got, null before hello. */
    JsonNode welcome() {
        return welcome;
    }

    /** This client's session id, as the welcome named it. */
    String session() {
        return welcome.path("session").asText();
    }

    /** The highest seq received so far. */
    long lastSeq() {
        return lastSeq;
    }

    /** Connects and says hello with {@code resume}; returns the client, its welcome read. */
    static WsClient resumed(int port, String token, String session, long lastSeq) throws InterruptedException {
        WsClient client = connect(port);
        client.send("{\"v\":1,\"type\":\"hello\",\"token\":\"" + token + "\",\"resume\":{\"session\":\""
                + session + "\",\"lastSeq\":" + lastSeq + "}}");
        client.welcome = client.next("welcome");
        return client;
    }

    void send(String text) {
        ws.sendText(text, true).join();
    }

    /** A message of {@code type} with the given {@code "name": value} JSON fields. */
    void send(String type, String fields) {
        send("{\"v\":1,\"type\":\"" + type + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}");
    }

    JsonNode next() throws InterruptedException {
        JsonNode m = received.poll(5, TimeUnit.SECONDS);
        assertThat(m).as("a message within 5 s").isNotNull();
        return m;
    }

    /** The next message, which must be of {@code type}. */
    JsonNode next(String type) throws InterruptedException {
        JsonNode m = next();
        assertThat(m.path("type").asText()).as(m.toString()).isEqualTo(type);
        return m;
    }

    /** The next delta's change, which must be of {@code kind}. */
    JsonNode change(String kind) throws InterruptedException {
        JsonNode change = next("delta").path("change");
        assertThat(change.path("kind").asText()).as(change.toString()).isEqualTo(kind);
        return change;
    }

    /** The next error's code. */
    String error() throws InterruptedException {
        return next("error").path("code").asText();
    }

    /** Nothing arrives within {@code millis}. */
    void expectSilence(long millis) throws InterruptedException {
        assertThat(received.poll(millis, TimeUnit.MILLISECONDS)).isNull();
    }

    /** Proves the connection still answers: a ping gets its pong. */
    void assertAlive() throws InterruptedException {
        send("ping", "\"t\":42");
        assertThat(next("pong").path("t").asLong()).isEqualTo(42);
    }

    int closeCode() throws Exception {
        return closeCode.get(10, TimeUnit.SECONDS);
    }

    String closeReason() {
        return closeReason;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode m = JSON.readTree(partial.toString());
                lastSeq = Math.max(lastSeq, m.path("seq").asLong());
                received.add(m);
            } catch (Exception e) {
                throw new IllegalStateException("server sent no JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.complete(-1);
    }

    /** Closes cleanly (1000), as a client that leaves does, and waits for the server's answer. */
    void leave() throws Exception {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        closeCode();
    }

    @Override
    public void close() {
        if (ws != null) {
            ws.abort();
        }
    }
}
