package org.tongke.signaling.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tongke.config.testing.HeadlessChromium;

/**
 * The offer a console gets from the bridge, fed to a real Chromium's RTCPeerConnection with a fake
 * camera: the browser accepts it, answers, and the answer gives the bridge what it needs; a
 * renegotiation adding other consoles' sources gives the browser one remote track per source.
 */
class BridgeSdpInChromiumTest {
    @TempDir
    static Path dir;
    private static ChromeDriver browser;
    private static com.sun.net.httpserver.HttpServer page;

    private static final Allocation ALLOCATION = new Allocation("jvb1", "meeting-1", "rural1",
            new MediaTransport("brufrag", "bridgepasswordbridgepassword",
                    List.of(new Fingerprint("sha-256", String.join(":", java.util.Collections.nCopies(32, "AB")), "actpass")),
                    List.of(new IceCandidate("1", 1, "udp", 2_130_706_431L, "127.0.0.1", 10_000, "host", null, 0, 0)),
                    List.of("ws://127.0.0.1/colibri-ws/x")),
            List.of(new MediaSourceSpec("jvb-a0", MediaSourceSpec.Kind.AUDIO, List.of(411_111L), List.of()),
                    new MediaSourceSpec("jvb-v0", MediaSourceSpec.Kind.VIDEO, List.of(422_222L), List.of())));

    @BeforeAll
    static void start() throws java.io.IOException {
        browser = HeadlessChromium.start(dir.resolve("profile"), HeadlessChromium.FAKE_MEDIA);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        // getUserMedia wants a secure context: a page from the loopback address is one, about:blank is not.
        page = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        page.createContext("/", ex -> {
            byte[] body = "<!doctype html><title>sdp</title>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        page.start();
        browser.get("http://127.0.0.1:" + page.getAddress().getPort() + "/");
        browser.executeScript("""
                window.pc = new RTCPeerConnection();
                window.remote = [];
                pc.ontrack = e => window.remote.push(e.track.kind + ':' + (e.streams[0] ? e.streams[0].id : '-'));
                """);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (page != null) {
            page.stop(0);
        }
    }

    @Test
    void chromiumAnswersTheBridgeOfferAndTheAnswerNamesItsTransportAndCamera() {
        String offer = BridgeOfferSdp.offer(ALLOCATION, 1, List.of(), Map.of());

        String answer = answer(offer, true);
        ConsoleAnswerSdp.Answer read = ConsoleAnswerSdp.read("rural1", answer);

        assertThat(read.transport().ufrag()).isNotBlank();
        assertThat(read.transport().pwd()).isNotBlank();
        assertThat(read.transport().fingerprints()).singleElement()
                .satisfies(f -> {
                    assertThat(f.hash()).isEqualTo("sha-256");
                    assertThat(f.setup()).isEqualTo("active");
                });
        assertThat(read.sources()).extracting(MediaSourceSpec::name).containsExactly("rural1-a0", "rural1-v0");
        MediaSourceSpec camera = read.sources().get(1);
        assertThat(camera.groups()).singleElement().satisfies(g -> assertThat(g.semantics()).isEqualTo("FID"));
        assertThat(camera.ssrcs()).hasSize(2);
    }

    @Test
    void aRenegotiationWithOtherConsolesSourcesGivesOneRemoteTrackPerSource() {
        answer(BridgeOfferSdp.offer(ALLOCATION, 1, List.of(), Map.of()), true);
        MediaSourceSpec teacherCamera = new MediaSourceSpec("teacher-v0", MediaSourceSpec.Kind.VIDEO,
                List.of(1001L, 1002L), List.of(new MediaSourceSpec.SsrcGroup("FID", List.of(1001L, 1002L))));
        MediaSourceSpec teacherMic = new MediaSourceSpec("teacher-a0", MediaSourceSpec.Kind.AUDIO, List.of(1003L), List.of());
        MediaSourceSpec otherCamera = new MediaSourceSpec("rural2-v0", MediaSourceSpec.Kind.VIDEO, List.of(2001L), List.of());
        List<String> sections = new ArrayList<>(BridgeOfferSdp.withNew(List.of(),
                List.of("teacher-a0", "teacher-v0", "rural2-v0")));

        answer(BridgeOfferSdp.offer(ALLOCATION, 2, sections, Map.of("teacher-a0", teacherMic,
                "teacher-v0", teacherCamera, "rural2-v0", otherCamera)), false);
        @SuppressWarnings("unchecked")
        List<String> tracks = (List<String>) browser.executeScript("return window.remote;");
        assertThat(tracks).contains("audio:teacher", "video:teacher", "video:rural2");

        // rural2 leaves: its section stays, inactive, and the browser takes the offer.
        String third = answer(BridgeOfferSdp.offer(ALLOCATION, 3, sections,
                Map.of("teacher-a0", teacherMic, "teacher-v0", teacherCamera)), false);
        assertThat(third).contains("a=mid:4");
    }

    /** setRemoteDescription(offer), add the fake camera on the first offer, createAnswer, setLocal. */
    private static String answer(String offer, boolean fresh) {
        Object result = browser.executeAsyncScript("""
                const [offer, fresh, done] = arguments;
                (async () => {
                  if (fresh) {
                    pc.close();
                    window.pc = new RTCPeerConnection();
                    window.remote = [];
                    pc.ontrack = e => window.remote.push(e.track.kind + ':' + (e.streams[0] ? e.streams[0].id : '-'));
                  }
                  await pc.setRemoteDescription({type: 'offer', sdp: offer});
                  if (fresh) {
                    const media = await navigator.mediaDevices.getUserMedia({audio: true, video: {width: 320, height: 180}});
                    const [audio, video] = pc.getTransceivers();
                    await audio.sender.replaceTrack(media.getAudioTracks()[0]);
                    audio.direction = 'sendrecv';
                    await video.sender.replaceTrack(media.getVideoTracks()[0]);
                    video.direction = 'sendrecv';
                    audio.sender.setStreams(media);
                    video.sender.setStreams(media);
                  }
                  const answer = await pc.createAnswer();
                  await pc.setLocalDescription(answer);
                  done(pc.localDescription.sdp);
                })().catch(e => done('ERROR ' + e));
                """, offer, fresh);
        assertThat(String.valueOf(result)).doesNotStartWith("ERROR");
        return String.valueOf(result);
    }
}
