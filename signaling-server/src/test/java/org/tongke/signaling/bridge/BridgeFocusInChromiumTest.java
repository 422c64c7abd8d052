package org.tongke.signaling.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tongke.config.testing.HeadlessChromium;

/**
 * Three consoles (RTCPeerConnections with a fake camera in a real Chromium) in one bridged lesson,
 * the focus between them and the stand-in bridge (REST Colibri2; not the bridge, no media): every
 * console's answer reaches the bridge, every console is offered the others' sources, a leaver's
 * sections go inactive, and a failing bridge moves the lesson with fresh offers for everyone.
 */
class BridgeFocusInChromiumTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOM = "qt-01-dd#1@2026-11-23";

    @TempDir
    Path dir;
    private ChromeDriver browser;
    private HttpServer page;
    private StandInBridge first;
    private StandInBridge second;
    private BridgeFocus focus;
    private final BlockingQueue<String[]> offers = new LinkedBlockingQueue<>();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final Map<String, BridgeChannel> channels = new ConcurrentHashMap<>();
    private final AtomicInteger meetings = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        first = new StandInBridge();
        second = new StandInBridge();
        second.stress(0.5);
        HttpClient http = HttpClient.newHttpClient();
        BridgePool pool = new BridgePool(List.of(new BridgeClient("jvb1", first.uri(), http, Duration.ofSeconds(1)),
                new BridgeClient("jvb2", second.uri(), http, Duration.ofSeconds(1))), Clock.systemUTC());
        pool.refresh().get(5, TimeUnit.SECONDS);
        focus = new BridgeFocus(pool, new BridgeFocus.Outbox() {
            @Override
            public void signal(String room, String session, String kind, ObjectNode payload) {
                offers.add(new String[] {session, payload.path("sdp").asText()});
            }

            @Override
            public void channel(String room, String session, BridgeChannel channel) {
                channels.put(session, channel);
            }

            @Override
            public void notice(String room, String code, String message) {
                notices.add(code + " " + message);
            }
        }, () -> "meeting-" + meetings.incrementAndGet());
        page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page.createContext("/", ex -> {
            byte[] body = "<!doctype html><title>consoles</title>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        page.start();
        browser = HeadlessChromium.start(dir.resolve("profile"), HeadlessChromium.FAKE_MEDIA);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        browser.get("http://127.0.0.1:" + page.getAddress().getPort() + "/");
        browser.executeScript("window.pcs = {}; window.tracks = {};");
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        page.stop(0);
        first.close();
        second.close();
    }

    @Test
    void threeConsolesAnswerTheBridgeAndEachIsOfferedTheOthersSources() throws Exception {
        for (String console : List.of("teacher", "rural1", "rural2")) {
            focus.enter(ROOM, "四年级数学", console, console);
        }
        answerOffersUntilQuiet();

        String meeting = first.conferences().keySet().iterator().next();
        Map<String, StandInBridge.EndpointState> endpoints = first.conferences().get(meeting);
        assertThat(endpoints).containsOnlyKeys("teacher", "rural1", "rural2");
        assertThat(endpoints.values()).allSatisfy(e -> {
            assertThat(e.consoleTransport()).isNotNull();
            assertThat(e.sources()).extracting(MediaSourceSpec::kind)
                    .containsExactly(MediaSourceSpec.Kind.AUDIO, MediaSourceSpec.Kind.VIDEO);
        });
        assertThat(tracks("rural1")).contains("video:teacher", "audio:teacher", "video:rural2");
        assertThat(tracks("teacher")).contains("video:rural1", "video:rural2");
        assertThat(channels).containsOnlyKeys("teacher", "rural1", "rural2");
        channels.forEach((console, channel) -> assertThat(channel.url())
                .contains("/colibri-ws/standin/" + meeting + "/" + console + "?pwd="));

        focus.stage(ROOM, new Stage(Set.of("teacher"), Set.of("rural2")));
        ReceiverConstraints rural1 = channels.get("rural1").constraints();
        assertThat(rural1.onStageSources()).containsExactly("teacher-v0", "rural2-v0");
        assertThat(rural1.maxHeightOf("teacher-v0")).isEqualTo(ReceiverConstraints.HIGH);
        assertThat(rural1.maxHeightOf("rural2-v0")).isEqualTo(ReceiverConstraints.HIGH);
        assertThat(rural1.defaultConstraints().maxHeight()).isEqualTo(ReceiverConstraints.LOW);
        ReceiverConstraints teacher = channels.get("teacher").constraints();
        assertThat(teacher.constraints()).containsOnlyKeys("rural2-v0");
        assertThat(teacher.defaultConstraints().maxHeight()).isEqualTo(ReceiverConstraints.STANDARD);

        focus.leave(ROOM, "rural2");
        String[] offer = offers.poll(10, TimeUnit.SECONDS);
        assertThat(offer).isNotNull();
        assertThat(offer[1]).contains("a=inactive");
        answer(offer);
        answerOffersUntilQuiet();
        assertThat(first.conferences().get(meeting)).containsOnlyKeys("teacher", "rural1");
    }

    @Test
    void aFailingBridgeMovesTheLessonAndEveryConsoleIsOfferedTheNewBridge() throws Exception {
        for (String console : List.of("teacher", "rural1", "rural2")) {
            focus.enter(ROOM, "四年级数学", console, console);
        }
        answerOffersUntilQuiet();
        first.failWith(500);

        focus.leave(ROOM, "rural2");   // the expiry fails on jvb1: only logged
        focus.enter(ROOM, "四年级数学", "rural3", "rural3");   // the allocation fails: the lesson moves
        answerOffersUntilQuiet();

        assertThat(notices).anySatisfy(n -> assertThat(n).startsWith("bridge-failed").contains("jvb1").contains("jvb2"));
        String meeting = second.conferences().keySet().iterator().next();
        assertThat(second.conferences().get(meeting)).containsOnlyKeys("teacher", "rural1", "rural3");
        assertThat(second.conferences().get(meeting).values()).allSatisfy(e -> assertThat(e.consoleTransport()).isNotNull());
        assertThat(tracks("rural3")).contains("video:teacher", "video:rural1");
        for (String console : List.of("teacher", "rural1", "rural3")) {
            assertThat(channels.get(console).url()).as("the bridge channel of %s after the move", console)
                    .contains("/colibri-ws/standin/" + meeting + "/" + console + "?pwd=");
        }
    }

    /** Answers every offer in its console's RTCPeerConnection until none comes for a while. */
    private void answerOffersUntilQuiet() throws Exception {
        String[] offer;
        while ((offer = offers.poll(3, TimeUnit.SECONDS)) != null) {
            answer(offer);
        }
    }

    private void answer(String[] offer) {
        Object sdp = browser.executeAsyncScript("""
                const [id, offer, done] = arguments;
                (async () => {
                  let pc = window.pcs[id];
                  const fresh = !pc;
                  if (fresh) {
                    pc = window.pcs[id] = new RTCPeerConnection();
                    window.tracks[id] = [];
                    pc.ontrack = e => window.tracks[id].push(e.track.kind + ':' + (e.streams[0] ? e.streams[0].id : '-'));
                  }
                  await pc.setRemoteDescription({type: 'offer', sdp: offer});
                  if (fresh) {
                    const media = await navigator.mediaDevices.getUserMedia({audio: true, video: {width: 160, height: 120}});
                    const [audio, video] = pc.getTransceivers();
                    await audio.sender.replaceTrack(media.getAudioTracks()[0]);
                    await video.sender.replaceTrack(media.getVideoTracks()[0]);
                    audio.direction = video.direction = 'sendrecv';
                    audio.sender.setStreams(media);
                    video.sender.setStreams(media);
                  }
                  await pc.setLocalDescription(await pc.createAnswer());
                  done(pc.localDescription.sdp);
                })().catch(e => done('ERROR ' + e));
                """, offer[0], offer[1]);
        assertThat(String.valueOf(sdp)).doesNotStartWith("ERROR");
        ObjectNode payload = JSON.createObjectNode().put("type", "answer").put("sdp", String.valueOf(sdp));
        focus.fromConsole(ROOM, offer[0], "answer", payload);
    }

    @SuppressWarnings("unchecked")
    private List<String> tracks(String console) {
        return (List<String>) browser.executeScript("return window.tracks[arguments[0]] || [];", console);
    }
}
