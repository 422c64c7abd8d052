package org.tongke.signaling.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The SDP offer a console receives from the bridge, built from its {@link Allocation} and the
 * sources of the other consoles (what Jicofo sends as Jingle and lib-jitsi-meet turns into SDP).
 * One BUNDLE transport, the bridge's ICE and DTLS; the first audio and video sections are
 * {@code sendrecv} (the console sends its microphone and camera there; the bridge's feedback
 * sources sit on them), then one {@code sendonly} section per other console's source, so that a
 * browser in unified plan gets one track per remote source. Section order never changes for a
 * given console: a source that leaves keeps its section, made {@code inactive} with port 0, so
 * every later offer stays a valid renegotiation.
 */
public final class BridgeOfferSdp {
    private BridgeOfferSdp() {
    }

    /**
     * The offer. {@code remoteSections} lists, in the order of earlier offers, each remote source
     * ever offered to this console (a name that is no longer in {@code remoteSources} is written
     * inactive); new names are appended by the caller before calling.
     */
    public static String offer(Allocation allocation, long version, List<String> remoteSections,
                               Map<String, MediaSourceSpec> remoteSources) {
        StringBuilder sdp = new StringBuilder();
        int sections = 2 + remoteSections.size();
        StringJoiner bundle = new StringJoiner(" ", "a=group:BUNDLE ", "");
        for (int i = 0; i < sections; i++) {
            bundle.add(Integer.toString(i));
        }
        line(sdp, "v=0");
        line(sdp, "o=- " + sessionId(allocation.meetingId()) + " " + version + " IN IP4 0.0.0.0");
        line(sdp, "s=-");
        line(sdp, "t=0 0");
        line(sdp, bundle.toString());
        line(sdp, "a=msid-semantic: WMS *");
        MediaSourceSpec feedbackAudio = feedback(allocation, MediaSourceSpec.Kind.AUDIO);
        MediaSourceSpec feedbackVideo = feedback(allocation, MediaSourceSpec.Kind.VIDEO);
        // The bridge's feedback sources carry RTCP only: no msid, so the browser makes no stream of them.
        section(sdp, allocation, 0, MediaSourceSpec.Kind.AUDIO, "sendrecv", feedbackAudio, null, true);
        section(sdp, allocation, 1, MediaSourceSpec.Kind.VIDEO, "sendrecv", feedbackVideo, null, false);
        for (int i = 0; i < remoteSections.size(); i++) {
            String name = remoteSections.get(i);
            MediaSourceSpec source = remoteSources.get(name);
            if (source == null) {
                inactive(sdp, allocation, 2 + i, kindOf(name));
            } else {
                section(sdp, allocation, 2 + i, source.kind(), "sendonly", source, owner(name), false);
            }
        }
        return sdp.toString();
    }

    /** The kind a source name stands for: Jitsi's names end in {@code -a<n>} or {@code -v<n>}. */
    public static MediaSourceSpec.Kind kindOf(String sourceName) {
        int dash = sourceName.lastIndexOf('-');
        return dash >= 0 && sourceName.startsWith("a", dash + 1) ? MediaSourceSpec.Kind.AUDIO : MediaSourceSpec.Kind.VIDEO;
    }

    private static void section(StringBuilder sdp, Allocation allocation, int mid, MediaSourceSpec.Kind kind,
                                String direction, MediaSourceSpec source, String stream, boolean candidates) {
        media(sdp, allocation, mid, kind, 9);
        line(sdp, "a=" + direction);
        if (candidates || mid == 0) {
            for (IceCandidate c : allocation.transport().candidates()) {
                line(sdp, "a=" + candidate(c));
            }
        }
        if (source != null) {
            for (MediaSourceSpec.SsrcGroup group : source.groups()) {
                StringJoiner ssrcs = new StringJoiner(" ");
                group.ssrcs().forEach(s -> ssrcs.add(Long.toString(s)));
                line(sdp, "a=ssrc-group:" + group.semantics() + " " + ssrcs);
            }
            for (long ssrc : source.ssrcs()) {
                line(sdp, "a=ssrc:" + ssrc + " cname:" + (stream == null ? "jvb" : stream));
                if (stream != null) {
                    line(sdp, "a=ssrc:" + ssrc + " msid:" + stream + " " + source.name());
                }
            }
            if (stream != null) {
                line(sdp, "a=msid:" + stream + " " + source.name());
            }
        }
    }

    private static void inactive(StringBuilder sdp, Allocation allocation, int mid, MediaSourceSpec.Kind kind) {
        media(sdp, allocation, mid, kind, 0);
        line(sdp, "a=inactive");
    }

    private static void media(StringBuilder sdp, Allocation allocation, int mid, MediaSourceSpec.Kind kind, int port) {
        MediaTransport t = allocation.transport();
        if (kind == MediaSourceSpec.Kind.AUDIO) {
            line(sdp, "m=audio " + port + " UDP/TLS/RTP/SAVPF " + Colibri2Json.OPUS);
        } else {
            line(sdp, "m=video " + port + " UDP/TLS/RTP/SAVPF " + Colibri2Json.VP8 + " " + Colibri2Json.VP8_RTX);
        }
        line(sdp, "c=IN IP4 0.0.0.0");
        line(sdp, "a=rtcp:9 IN IP4 0.0.0.0");
        line(sdp, "a=ice-ufrag:" + t.ufrag());
        line(sdp, "a=ice-pwd:" + t.pwd());
        for (Fingerprint f : t.fingerprints()) {
            line(sdp, "a=fingerprint:" + f.hash() + " " + f.value());
        }
        line(sdp, "a=setup:actpass");
        line(sdp, "a=mid:" + mid);
        line(sdp, "a=rtcp-mux");
        if (kind == MediaSourceSpec.Kind.AUDIO) {
            line(sdp, "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level");
            line(sdp, "a=extmap:5 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01");
            line(sdp, "a=rtpmap:" + Colibri2Json.OPUS + " opus/48000/2");
            line(sdp, "a=rtcp-fb:" + Colibri2Json.OPUS + " transport-cc");
            line(sdp, "a=fmtp:" + Colibri2Json.OPUS + " minptime=10;useinbandfec=1");
        } else {
            line(sdp, "a=extmap:3 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time");
            line(sdp, "a=extmap:5 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01");
            line(sdp, "a=rtpmap:" + Colibri2Json.VP8 + " VP8/90000");
            for (String fb : List.of("ccm fir", "nack", "nack pli", "transport-cc")) {
                line(sdp, "a=rtcp-fb:" + Colibri2Json.VP8 + " " + fb);
            }
            line(sdp, "a=rtpmap:" + Colibri2Json.VP8_RTX + " rtx/90000");
            line(sdp, "a=fmtp:" + Colibri2Json.VP8_RTX + " apt=" + Colibri2Json.VP8);
        }
    }

    /** {@code candidate:...} as it appears after {@code a=} in SDP (RFC 8839). */
    public static String candidate(IceCandidate c) {
        StringBuilder s = new StringBuilder("candidate:").append(c.foundation()).append(' ').append(c.component())
                .append(' ').append(c.protocol()).append(' ').append(c.priority()).append(' ').append(c.ip())
                .append(' ').append(c.port()).append(" typ ").append(c.type());
        if (c.relAddr() != null) {
            s.append(" raddr ").append(c.relAddr()).append(" rport ").append(c.relPort());
        }
        return s.append(" generation ").append(c.generation()).toString();
    }

    private static MediaSourceSpec feedback(Allocation allocation, MediaSourceSpec.Kind kind) {
        return allocation.feedbackSources().stream().filter(s -> s.kind() == kind).findFirst().orElse(null);
    }

    private static String owner(String sourceName) {
        int dash = sourceName.lastIndexOf('-');
        return dash > 0 ? sourceName.substring(0, dash) : sourceName;
    }

    private static long sessionId(String meetingId) {
        return meetingId.hashCode() & 0x7fff_ffffL;
    }

    private static void line(StringBuilder sdp, String line) {
        sdp.append(line).append("\r\n");
    }

    /** For callers that track sections: the remote source names in a stable, growing order. */
    public static List<String> withNew(List<String> known, Iterable<String> current) {
        List<String> sections = new ArrayList<>(known);
        for (String name : current) {
            if (!sections.contains(name)) {
                sections.add(name);
            }
        }
        return sections;
    }
}
