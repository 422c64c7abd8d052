package org.tongke.signaling.bridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jitsi.utils.MediaType;
import org.jitsi.xmpp.extensions.colibri.SourcePacketExtension;
import org.jitsi.xmpp.extensions.colibri.WebSocketPacketExtension;
import org.jitsi.xmpp.extensions.colibri2.Capability;
import org.jitsi.xmpp.extensions.colibri2.Colibri2Endpoint;
import org.jitsi.xmpp.extensions.colibri2.ConferenceModifiedIQ;
import org.jitsi.xmpp.extensions.colibri2.ConferenceModifyIQ;
import org.jitsi.xmpp.extensions.colibri2.Media;
import org.jitsi.xmpp.extensions.colibri2.MediaSource;
import org.jitsi.xmpp.extensions.colibri2.Sources;
import org.jitsi.xmpp.extensions.colibri2.Transport;
import org.jitsi.xmpp.extensions.colibri2.json.Colibri2JSONDeserializer;
import org.jitsi.xmpp.extensions.colibri2.json.Colibri2JSONSerializer;
import org.jitsi.xmpp.extensions.jingle.CandidatePacketExtension;
import org.jitsi.xmpp.extensions.jingle.CandidateType;
import org.jitsi.xmpp.extensions.jingle.DtlsFingerprintPacketExtension;
import org.jitsi.xmpp.extensions.jingle.IceCandidatePacketExtension;
import org.jitsi.xmpp.extensions.jingle.IceUdpTransportPacketExtension;
import org.jitsi.xmpp.extensions.jingle.ParameterPacketExtension;
import org.jitsi.xmpp.extensions.jingle.PayloadTypePacketExtension;
import org.jitsi.xmpp.extensions.jingle.RTPHdrExtPacketExtension;
import org.jitsi.xmpp.extensions.jingle.RtcpFbPacketExtension;
import org.jitsi.xmpp.extensions.jingle.SourceGroupPacketExtension;

/**
 * The Colibri2 requests the focus sends and the replies it reads, as JSON for the bridge's REST
 * API. Built on jitsi-xmpp-extensions' Colibri2 model and its JSON (de)serializer, so the shapes
 * are the bridge's own; this class only maps them to and from this package's records.
 */
public final class Colibri2Json {
    /** Opus, as browsers offer it and Jicofo configures it. */
    static final int OPUS = 111;
    static final int VP8 = 100;
    static final int VP8_RTX = 96;

    private Colibri2Json() {
    }

    /**
     * Allocates one console's endpoint; {@code createConference} on the first endpoint of the
     * lesson (it also names the conference). The bridge is ICE-controlling, as with Jicofo.
     */
    public static ObjectNode allocate(String meetingId, String conferenceName, boolean createConference,
                                      String endpoint, String statsId, List<MediaSourceSpec> sources) {
        ConferenceModifyIQ.Builder request = request(meetingId);
        if (createConference) {
            request.setCreate(true).setConferenceName(conferenceName);
        }
        Colibri2Endpoint.Builder e = Colibri2Endpoint.getBuilder();
        e.setId(endpoint);
        e.setCreate(true);
        e.setStatsId(statsId);
        e.addCapability(Capability.CAP_SOURCE_NAME_SUPPORT);
        e.setTransport(Transport.getBuilder().setIceControlling(true).build());
        e.addMedia(audio());
        e.addMedia(video());
        if (!sources.isEmpty()) {
            e.setSources(sources(sources));
        }
        request.addEndpoint(e.build());
        return Colibri2JSONSerializer.serializeConferenceModify(request.build());
    }

    /** Gives the bridge a console's side of the transport and/or its sources (null: unchanged). */
    public static ObjectNode update(String meetingId, String endpoint, MediaTransport transport,
                                    List<MediaSourceSpec> sources) {
        ConferenceModifyIQ.Builder request = request(meetingId);
        Colibri2Endpoint.Builder e = Colibri2Endpoint.getBuilder();
        e.setId(endpoint);
        if (transport != null) {
            e.setTransport(Transport.getBuilder().setIceUdpExtension(iceUdp(transport)).build());
        }
        if (sources != null) {
            e.setSources(sources(sources));
        }
        request.addEndpoint(e.build());
        return Colibri2JSONSerializer.serializeConferenceModify(request.build());
    }

    /** Removes one console's endpoint. */
    public static ObjectNode expireEndpoint(String meetingId, String endpoint) {
        ConferenceModifyIQ.Builder request = request(meetingId);
        Colibri2Endpoint.Builder e = Colibri2Endpoint.getBuilder();
        e.setId(endpoint);
        e.setExpire(true);
        request.addEndpoint(e.build());
        return Colibri2JSONSerializer.serializeConferenceModify(request.build());
    }

    /** Ends the lesson's conference. */
    public static ObjectNode expireConference(String meetingId) {
        return Colibri2JSONSerializer.serializeConferenceModify(request(meetingId).setExpire(true).build());
    }

    /**
     * Reads an allocation reply: the endpoint's transport and the bridge's feedback sources.
     * Throws {@link BridgeFailure} ({@code NO_TRANSPORT}, {@code BAD_REPLY}) when they are missing.
     */
    public static Allocation allocation(String bridge, String meetingId, String endpoint, ObjectNode reply) {
        ConferenceModifiedIQ modified;
        try {
            modified = Colibri2JSONDeserializer.deserializeConferenceModified(reply).build();
        } catch (RuntimeException e) {
            throw new BridgeFailure(BridgeFailure.Kind.BAD_REPLY, bridge,
                    "bridge " + bridge + " answered something that is not a Colibri2 conference: " + e.getMessage(), e);
        }
        Colibri2Endpoint mine = modified.getEndpoints().stream()
                .filter(e -> endpoint.equals(e.getId())).findFirst().orElse(null);
        IceUdpTransportPacketExtension ice = mine == null || mine.getTransport() == null
                ? null : mine.getTransport().getIceUdpTransport();
        if (ice == null || ice.getUfrag() == null || ice.getPassword() == null) {
            throw new BridgeFailure(BridgeFailure.Kind.NO_TRANSPORT, bridge,
                    "bridge " + bridge + " allocated endpoint " + endpoint + " without an ICE/DTLS transport");
        }
        List<MediaSourceSpec> feedback = modified.getSources() == null ? List.of()
                : modified.getSources().getMediaSources().stream().map(Colibri2Json::spec).toList();
        return new Allocation(bridge, meetingId, endpoint, transport(ice), feedback);
    }

    /** The request as the bridge reads it; for the stand-in bridge of the tests and for checks. */
    public static ConferenceModifyIQ readRequest(ObjectNode json) {
        return Colibri2JSONDeserializer.deserializeConferenceModify(json).build();
    }

    /** The jitsi model of a transport, for a reply (the stand-in bridge) or an update. */
    public static IceUdpTransportPacketExtension iceUdp(MediaTransport transport) {
        IceUdpTransportPacketExtension ice = new IceUdpTransportPacketExtension();
        ice.setUfrag(transport.ufrag());
        ice.setPassword(transport.pwd());
        for (Fingerprint f : transport.fingerprints()) {
            DtlsFingerprintPacketExtension fp = new DtlsFingerprintPacketExtension();
            fp.setHash(f.hash());
            fp.setFingerprint(f.value());
            fp.setSetup(f.setup());
            ice.addChildExtension(fp);
        }
        for (IceCandidate c : transport.candidates()) {
            ice.addCandidate(candidate(c));
        }
        for (String url : transport.webSockets()) {
            ice.addChildExtension(new WebSocketPacketExtension(url));
        }
        return ice;
    }

    /** This package's record of a jitsi transport. */
    public static MediaTransport transport(IceUdpTransportPacketExtension ice) {
        List<Fingerprint> fingerprints = ice.getChildExtensionsOfType(DtlsFingerprintPacketExtension.class).stream()
                .map(f -> new Fingerprint(Objects.toString(f.getHash(), "sha-256"), f.getFingerprint(),
                        Objects.toString(f.getSetup(), "actpass")))
                .toList();
        List<IceCandidate> candidates = new ArrayList<>();
        for (CandidatePacketExtension c : ice.getCandidateList()) {
            candidates.add(new IceCandidate(c.getFoundation(), c.getComponent(), c.getProtocol(),
                    Integer.toUnsignedLong(c.getPriority()), c.getIP(), c.getPort(),
                    c.getType() == null ? "host" : c.getType().toString(), c.getRelAddr(),
                    Math.max(c.getRelPort(), 0), Math.max(c.getGeneration(), 0)));
        }
        List<String> webSockets = ice.getChildExtensionsOfType(WebSocketPacketExtension.class).stream()
                .map(WebSocketPacketExtension::getUrl).filter(Objects::nonNull).toList();
        return new MediaTransport(ice.getUfrag(), ice.getPassword(), fingerprints, candidates, webSockets);
    }

    /** The jitsi model of sources, for a request or a reply. */
    public static Sources sources(List<MediaSourceSpec> specs) {
        Sources.Builder sources = Sources.getBuilder();
        for (MediaSourceSpec spec : specs) {
            MediaSource.Builder source = MediaSource.getBuilder()
                    .setType(spec.kind() == MediaSourceSpec.Kind.AUDIO ? MediaType.AUDIO : MediaType.VIDEO)
                    .setId(spec.name());
            for (long ssrc : spec.ssrcs()) {
                SourcePacketExtension s = new SourcePacketExtension();
                s.setSSRC(ssrc);
                s.setName(spec.name());
                source.addSource(s);
            }
            for (MediaSourceSpec.SsrcGroup group : spec.groups()) {
                SourceGroupPacketExtension g = new SourceGroupPacketExtension();
                g.setSemantics(group.semantics());
                g.addSources(group.ssrcs().stream().map(ssrc -> {
                    SourcePacketExtension s = new SourcePacketExtension();
                    s.setSSRC(ssrc);
                    return s;
                }).toList());
                source.addSsrcGroup(g);
            }
            sources.addMediaSource(source.build());
        }
        return sources.build();
    }

    /** This package's record of a jitsi media source. */
    public static MediaSourceSpec spec(MediaSource source) {
        List<Long> ssrcs = source.getSources().stream().filter(SourcePacketExtension::hasSSRC)
                .map(SourcePacketExtension::getSSRC).toList();
        List<MediaSourceSpec.SsrcGroup> groups = source.getSsrcGroups().stream()
                .map(g -> new MediaSourceSpec.SsrcGroup(g.getSemantics(),
                        g.getSources().stream().map(SourcePacketExtension::getSSRC).toList()))
                .toList();
        MediaSourceSpec.Kind kind = source.getType() == MediaType.AUDIO ? MediaSourceSpec.Kind.AUDIO
                : MediaSourceSpec.Kind.VIDEO;
        return new MediaSourceSpec(source.getId(), kind, ssrcs, groups);
    }

    private static ConferenceModifyIQ.Builder request(String meetingId) {
        ConferenceModifyIQ.Builder request = ConferenceModifyIQ.builder("colibri2");
        request.setMeetingId(meetingId);
        return request;
    }

    private static CandidatePacketExtension candidate(IceCandidate c) {
        CandidatePacketExtension candidate = new IceCandidatePacketExtension();
        candidate.setFoundation(c.foundation());
        candidate.setComponent(c.component());
        candidate.setProtocol(c.protocol());
        candidate.setPriority(c.priority());
        candidate.setIP(c.ip());
        candidate.setPort(c.port());
        candidate.setType(CandidateType.valueOf(c.type()));
        candidate.setGeneration(c.generation());
        candidate.setID(c.foundation() + "-" + c.port());
        if (c.relAddr() != null) {
            candidate.setRelAddr(c.relAddr());
            candidate.setRelPort(c.relPort());
        }
        return candidate;
    }

    private static Media audio() {
        PayloadTypePacketExtension opus = payload(OPUS, "opus", 48_000, 2);
        opus.addParameter(new ParameterPacketExtension("minptime", "10"));
        opus.addParameter(new ParameterPacketExtension("useinbandfec", "1"));
        opus.addRtcpFeedbackType(feedback("transport-cc", null));
        return Media.getBuilder().setType(MediaType.AUDIO).addPayloadType(opus)
                .addRtpHdrExt(extension("1", "urn:ietf:params:rtp-hdrext:ssrc-audio-level"))
                .addRtpHdrExt(extension("5", "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"))
                .build();
    }

    private static Media video() {
        PayloadTypePacketExtension vp8 = payload(VP8, "VP8", 90_000, 0);
        vp8.addRtcpFeedbackType(feedback("ccm", "fir"));
        vp8.addRtcpFeedbackType(feedback("nack", null));
        vp8.addRtcpFeedbackType(feedback("nack", "pli"));
        vp8.addRtcpFeedbackType(feedback("transport-cc", null));
        PayloadTypePacketExtension rtx = payload(VP8_RTX, "rtx", 90_000, 0);
        rtx.addParameter(new ParameterPacketExtension("apt", Integer.toString(VP8)));
        return Media.getBuilder().setType(MediaType.VIDEO).addPayloadType(vp8).addPayloadType(rtx)
                .addRtpHdrExt(extension("3", "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"))
                .addRtpHdrExt(extension("5", "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"))
                .build();
    }

    private static PayloadTypePacketExtension payload(int id, String name, int clockRate, int channels) {
        PayloadTypePacketExtension p = new PayloadTypePacketExtension();
        p.setId(id);
        p.setName(name);
        p.setClockrate(clockRate);
        if (channels > 0) {
            p.setChannels(channels);
        }
        return p;
    }

    private static RtcpFbPacketExtension feedback(String type, String subtype) {
        RtcpFbPacketExtension fb = new RtcpFbPacketExtension();
        fb.setFeedbackType(type);
        if (subtype != null) {
            fb.setFeedbackSubtype(subtype);
        }
        return fb;
    }

    private static RTPHdrExtPacketExtension extension(String id, String uri) {
        RTPHdrExtPacketExtension ext = new RTPHdrExtPacketExtension();
        ext.setID(id);
        ext.setURI(URI.create(uri));
        return ext;
    }
}
