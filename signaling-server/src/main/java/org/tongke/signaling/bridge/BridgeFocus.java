package org.tongke.signaling.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signaling server as the bridge's focus for rooms in {@code bridge} media mode. To a
 * console, the bridge is one more participant, session {@link #BRIDGE}: it sends the console
 * offers, and the console answers and sends candidates to it with the ordinary {@code signal}
 * message, so consoles speak one protocol in both modes. Behind that, each room has one
 * {@link LessonConference}; every console's answer goes to the bridge, and every change of
 * sources (a console answers, leaves, or the conference moves to another bridge) brings each
 * other console a new offer. A console has at most one offer outstanding: changes while it is
 * answering are folded into the next offer.
 *
 * <p>Each console also learns where its bridge channel is and what to ask the bridge for over it
 * ({@link BridgeChannel}): the room's {@link Stage} turned into receiver constraints with the real
 * source names of the consoles' cameras, sent again whenever the stage, the sources or the
 * allocation change.
 */
public final class BridgeFocus {
    /** The session id consoles address the bridge with. */
    public static final String BRIDGE = "bridge";

    private static final Logger LOG = LoggerFactory.getLogger(BridgeFocus.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A browser gathers a handful of candidates per network interface; more before an answer is noise. */
    private static final int MAX_EARLY_CANDIDATES = 32;

    /** Where the focus's messages go: the signaling service, which numbers and sends them. */
    public interface Outbox {
        /** A {@code signal} from {@link #BRIDGE} to one console. */
        void signal(String room, String session, String kind, ObjectNode payload);

        /** A {@link BridgeChannel#KIND} signal from {@link #BRIDGE} to one console. */
        void channel(String room, String session, BridgeChannel channel);

        /** Tells the room, in words, what happened to its media ({@code code} is a {@link BridgeFailure.Kind} code). */
        void notice(String room, String code, String message);
    }

    /** One console's side: its allocation, the remote sections it has been offered, its offers. */
    private static final class Console {
        final String statsId;
        Allocation allocation;
        List<String> sections = List.of();
        long version;
        boolean awaitingAnswer;
        boolean stale;
        MediaTransport transport;
        /** Candidates the browser trickled before its answer arrived (both race after setLocalDescription). */
        final List<IceCandidate> early = new ArrayList<>();
        /** The last bridge channel told to the console, to tell it only what changed. */
        BridgeChannel told;

        Console(String statsId) {
            this.statsId = statsId;
        }
    }

    private final class RoomFocus implements LessonConference.Listener {
        final String room;
        final LessonConference conference;
        final Map<String, Console> consoles = new LinkedHashMap<>();
        final Map<String, MediaSourceSpec> sources = new LinkedHashMap<>();
        Stage stage = Stage.EMPTY;

        RoomFocus(String room, String title) {
            this.room = room;
            this.conference = new LessonConference(room, title, pool, this, meetingIds);
        }

        @Override
        public void moved(String lesson, String from, String to, BridgeFailure why, Map<String, Allocation> all) {
            synchronized (this) {
                all.forEach((session, allocation) -> {
                    Console console = consoles.get(session);
                    if (console != null) {
                        console.allocation = allocation;
                        console.stale = true;
                        console.awaitingAnswer = false;
                    }
                });
            }
            outbox.notice(room, why.kind().code(), "媒体服务器 " + from + " 出现故障（" + why.kind().chinese()
                    + "），课堂已转到 " + to + "，正在重新连接。 The media bridge " + from + " failed ("
                    + why.getMessage() + "); the lesson moved to " + to + " and reconnects.");
            offerWhereStale();
        }

        @Override
        public void lost(String lesson, BridgeFailure why) {
            outbox.notice(room, BridgeFailure.Kind.NONE_AVAILABLE.code(), "没有可用的媒体服务器（" + why.kind().chinese()
                    + "）。 No media bridge can carry this lesson: " + why.getMessage());
        }

        synchronized void offerWhereStale() {
            consoles.forEach((session, console) -> {
                if (console.allocation != null && console.stale && !console.awaitingAnswer) {
                    offer(session, console);
                }
            });
            tellChannels();
        }

        /** Each console with an endpoint gets its bridge channel and constraints when they changed. */
        synchronized void tellChannels() {
            Map<String, List<String>> video = new LinkedHashMap<>();
            consoles.keySet().forEach(session -> video.put(session, sources.values().stream()
                    .filter(s -> s.kind() == MediaSourceSpec.Kind.VIDEO && s.name().startsWith(session + "-"))
                    .map(MediaSourceSpec::name).toList()));
            consoles.forEach((session, console) -> {
                if (console.allocation == null) {
                    return;
                }
                List<String> urls = console.allocation.transport().webSockets();
                BridgeChannel channel = new BridgeChannel(urls.isEmpty() ? null : urls.get(0),
                        stage.forViewer(session, video));
                if (!channel.equals(console.told)) {
                    console.told = channel;
                    outbox.channel(room, session, channel);
                }
            });
        }

        private void offer(String session, Console console) {
            Map<String, MediaSourceSpec> remote = new LinkedHashMap<>();
            sources.forEach((name, spec) -> {
                if (!name.startsWith(session + "-")) {
                    remote.put(name, spec);
                }
            });
            console.sections = BridgeOfferSdp.withNew(console.sections, remote.keySet());
            console.version++;
            console.awaitingAnswer = true;
            console.stale = false;
            ObjectNode payload = JSON.createObjectNode();
            payload.put("type", "offer");
            payload.put("sdp", BridgeOfferSdp.offer(console.allocation, console.version, console.sections, remote));
            outbox.signal(room, session, "offer", payload);
        }
    }

    private final BridgePool pool;
    private final Outbox outbox;
    private final Supplier<String> meetingIds;
    private final Map<String, RoomFocus> rooms = new ConcurrentHashMap<>();

    public BridgeFocus(BridgePool pool, Outbox outbox, Supplier<String> meetingIds) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.meetingIds = Objects.requireNonNull(meetingIds, "meetingIds");
    }

    /** Whether the room's media goes through a bridge now. */
    public boolean active(String room) {
        return rooms.containsKey(room);
    }

    /** A console of a bridged room wants media: its endpoint is allocated and it gets an offer. */
    public void enter(String room, String title, String session, String statsId) {
        RoomFocus focus = rooms.computeIfAbsent(room, r -> new RoomFocus(r, title));
        synchronized (focus) {
            focus.consoles.put(session, new Console(statsId));
        }
        focus.conference.join(session, statsId, List.of()).whenComplete((allocation, error) -> {
            if (error != null) {
                LOG.warn("Room {}: no bridge endpoint for {}: {}", room, session, error.getMessage());
                return;
            }
            synchronized (focus) {
                Console console = focus.consoles.get(session);
                if (console != null && console.allocation == null) {
                    console.allocation = allocation;
                    console.stale = true;
                }
            }
            focus.offerWhereStale();
        });
    }

    /**
     * The room's stage changed (floor, spotlight, who is the lead teacher): consoles whose
     * constraints change are told.
     */
    public void stage(String room, Stage stage) {
        RoomFocus focus = rooms.get(room);
        if (focus == null) {
            return;
        }
        synchronized (focus) {
            focus.stage = Objects.requireNonNull(stage, "stage");
            focus.tellChannels();
        }
    }

    /**
     * A console's {@code signal} to {@link #BRIDGE}: its {@code answer} (SDP) or a trickled
     * {@code candidate}. Throws {@link IllegalArgumentException} for what cannot be read.
     */
    public void fromConsole(String room, String session, String kind, JsonNode payload) {
        RoomFocus focus = rooms.get(room);
        Console console = focus == null ? null : focus.consoles.get(session);
        if (console == null) {
            throw new IllegalArgumentException("room " + room + " has no bridge connection for this session");
        }
        switch (kind) {
            case "answer" -> answer(focus, session, console, payload.path("sdp").asText(""));
            case "candidate" -> candidate(focus, session, console, payload.path("candidate").asText(""));
            default -> throw new IllegalArgumentException("the bridge takes answers and candidates, not " + kind);
        }
    }

    private void answer(RoomFocus focus, String session, Console console, String sdp) {
        ConsoleAnswerSdp.Answer read = ConsoleAnswerSdp.read(session, sdp);
        ConsoleAnswerSdp.Answer answer;
        synchronized (focus) {
            List<IceCandidate> candidates = new ArrayList<>(read.transport().candidates());
            console.early.stream().filter(c -> !candidates.contains(c)).forEach(candidates::add);
            console.early.clear();
            MediaTransport t = read.transport();
            answer = new ConsoleAnswerSdp.Answer(new MediaTransport(t.ufrag(), t.pwd(), t.fingerprints(), candidates,
                    t.webSockets()), read.sources());
            console.awaitingAnswer = false;
            console.transport = answer.transport();
            Map<String, MediaSourceSpec> before = new LinkedHashMap<>(focus.sources);
            focus.sources.keySet().removeIf(name -> name.startsWith(session + "-"));
            answer.sources().forEach(s -> focus.sources.put(s.name(), s));
            // Only a change of this console's sources is news to the others; re-offering on every
            // answer would have the consoles renegotiate with each other for ever.
            if (!before.equals(focus.sources)) {
                focus.consoles.forEach((other, c) -> {
                    if (!other.equals(session)) {
                        c.stale = true;
                    }
                });
            }
        }
        focus.conference.answer(session, answer.transport(), answer.sources())
                .whenComplete((x, e) -> focus.offerWhereStale());
    }

    private void candidate(RoomFocus focus, String session, Console console, String text) {
        if (text.isBlank()) {
            return; // end of candidates
        }
        IceCandidate candidate = ConsoleAnswerSdp.candidate(text);
        if (candidate == null) {
            throw new IllegalArgumentException("candidate is not of the form 'candidate:... typ ...'");
        }
        MediaTransport updated;
        synchronized (focus) {
            if (console.transport == null) {
                if (console.early.size() < MAX_EARLY_CANDIDATES) {
                    console.early.add(candidate);
                }
                return;
            }
            if (console.transport.candidates().contains(candidate)) {
                return;
            }
            List<IceCandidate> all = new ArrayList<>(console.transport.candidates());
            all.add(candidate);
            updated = new MediaTransport(console.transport.ufrag(), console.transport.pwd(),
                    console.transport.fingerprints(), all, List.of());
            console.transport = updated;
        }
        focus.conference.answer(session, updated, null);
    }

    /** A console back after a drop: fresh ICE from the bridge, then a new offer. */
    public void resumed(String room, String session) {
        RoomFocus focus = rooms.get(room);
        if (focus == null || !focus.consoles.containsKey(session)) {
            return;
        }
        focus.conference.restartIce(session).whenComplete((allocation, error) -> {
            if (allocation != null) {
                synchronized (focus) {
                    Console console = focus.consoles.get(session);
                    if (console != null) {
                        console.allocation = allocation;
                        console.awaitingAnswer = false;
                        console.stale = true;
                    }
                }
                focus.offerWhereStale();
            }
        });
    }

    /** A console left the room (or its session ended): its endpoint goes, the others are re-offered. */
    public void leave(String room, String session) {
        RoomFocus focus = rooms.get(room);
        if (focus == null) {
            return;
        }
        synchronized (focus) {
            if (focus.consoles.remove(session) == null) {
                return;
            }
            focus.sources.keySet().removeIf(name -> name.startsWith(session + "-"));
            focus.consoles.values().forEach(c -> c.stale = true);
        }
        focus.conference.leave(session).whenComplete((x, e) -> focus.offerWhereStale());
    }

    /** The room closed or went back to peer to peer: the conference is expired. */
    public void end(String room) {
        RoomFocus focus = rooms.remove(room);
        if (focus != null) {
            focus.conference.end();
        }
    }
}
