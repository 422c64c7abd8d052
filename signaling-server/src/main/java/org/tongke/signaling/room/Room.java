package org.tongke.signaling.room;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One lesson room and its rules. Every method is synchronized: a change and its announcement
 * to all members happen under the room's lock, so members see changes in one order. Who acts is
 * always a session id looked up among the members: roles come from the verified token, never
 * from the message.
 */
public final class Room {
    /** Chat lines kept for a snapshot. */
    public static final int MAX_CHAT_HISTORY = 100;
    /** Largest class an attendance report may name. */
    public static final int MAX_CLASS_SIZE = 1000;
    /** The lead teacher's classroom, whether or not their token names it (no classroom id has no '/'). */
    private static final String LEAD_SIDE = "lead";

    private final String id;
    private final String title;
    private final List<String> classrooms;
    private final Clock clock;
    private final Map<String, Member> members = new LinkedHashMap<>();
    /** Members whose connection dropped, with why: told once, kept when another node takes the room over. */
    private final Map<String, String> away = new TreeMap<>();
    private final Set<String> hands = new LinkedHashSet<>();
    private final Set<String> muted = new TreeSet<>();
    private final Set<String> locked = new TreeSet<>();
    private final Set<String> recording = new TreeSet<>();
    /** Until when an empty room stays open (a room of the timetable); null: it closes when empty. */
    private final java.time.Instant keepUntil;
    private final Map<String, AttendanceReport> attendance = new TreeMap<>();
    private final Deque<ChatEntry> chat = new ArrayDeque<>();
    private LessonState lesson = LessonState.WAITING;
    private String host;
    private String floor;
    private String spotlight;
    private MediaMode media = MediaMode.P2P;
    /** When the lead teacher started the lesson; null before. */
    private java.time.Instant startedAt;
    /** The classrooms in the lesson while it was live. */
    private final Set<String> present = new TreeSet<>();
    private LessonListener lessons = LessonListener.NONE;
    /** Whether this node has a bridge to offer: without one, every lesson stays peer to peer (a mesh from three). */
    private boolean bridgeable;
    /** Set when no bridge could carry the lesson any more: it falls back to peer to peer. */
    private boolean bridgeLost;

    /** @param classrooms the rural classrooms ({@code school/room}) */
    public Room(String id, String title, List<String> classrooms, Clock clock) {
        this(id, title, classrooms, null, null, clock);
    }

    /**
     * A room of the timetable: its host classroom is known ahead (and listed among
     * {@code classrooms}, so that its agent may join), and it stays open while empty until
     * {@code keepUntil}.
     */
    public Room(String id, String title, List<String> classrooms, String host, java.time.Instant keepUntil,
            Clock clock) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
        this.classrooms = List.copyOf(new LinkedHashSet<>(classrooms));
        this.clock = Objects.requireNonNull(clock, "clock");
        if (host != null && !this.classrooms.contains(host)) {
            throw new IllegalArgumentException("host " + host + " is not among the classrooms of room " + id);
        }
        this.host = host;
        this.keepUntil = keepUntil;
    }

    /**
     * The room as another node left it (its owner died): its state as stored, its members as they
     * are reachable from here. Nobody is told anything: the members' screens are already right.
     */
    public static Room restore(RoomState state, java.time.Instant keepUntil, Clock clock, boolean bridgeable,
            List<Member> members) {
        return restore(state, keepUntil, clock, bridgeable, members, Map.of());
    }

    /** As above, with the members that were away when the room was stored, and why ({@link #away()}). */
    public static Room restore(RoomState state, java.time.Instant keepUntil, Clock clock, boolean bridgeable,
            List<Member> members, Map<String, String> away) {
        return restore(state, keepUntil, clock, bridgeable, members, away, null);
    }

    /**
     * As above, with the live lesson's record as the storing node kept it ({@link #lessonRecord()});
     * null when that node did not say.
     */
    public static Room restore(RoomState state, java.time.Instant keepUntil, Clock clock, boolean bridgeable,
            List<Member> members, Map<String, String> away, LessonRecord record) {
        Room room = new Room(state.id(), state.title(), state.classrooms(), state.host(), keepUntil, clock);
        synchronized (room) {
            room.lesson = LessonState.valueOf(state.lesson().toUpperCase(java.util.Locale.ROOT));
            room.floor = state.floor();
            room.spotlight = state.spotlight();
            room.hands.addAll(state.hands());
            room.muted.addAll(state.muted());
            room.locked.addAll(state.locked());
            room.recording.addAll(state.recording());
            room.attendance.putAll(state.attendance());
            room.chat.addAll(state.chat());
            members.forEach(m -> room.members.put(m.participant().session(), m));
            if (room.lesson == LessonState.LIVE) {
                if (record != null && record.startedAt() != null) {
                    room.startedAt = record.startedAt();
                    room.present.addAll(record.present());
                } else {
                    // Stored by a node that kept no record: the lesson counts from this takeover.
                    room.startedAt = clock.instant();
                }
                room.members.values().forEach(m -> room.markPresent(m.participant()));
            }
            away.forEach((session, reason) -> {
                if (room.members.containsKey(session)) {
                    room.away.put(session, reason);
                }
            });
            room.bridgeable = bridgeable;
            room.remode();
        }
        return room;
    }

    /** Who is in the room now, by how the room reaches them. */
    public synchronized List<Member> members() {
        return List.copyOf(members.values());
    }

    /** Until when the room stays open while empty; null for an ad hoc room (it closes when empty). */
    public java.time.Instant keepUntil() {
        return keepUntil;
    }

    public String title() {
        return title;
    }

    public String id() {
        return id;
    }

    public List<String> classrooms() {
        return classrooms;
    }

    /** Adds the member (again: replaces), sends them a snapshot and tells the others. */
    public synchronized void join(Member member) {
        Participant p = member.participant();
        if (Roles.LEAD.equals(p.role()) && p.classroom() != null && classrooms.contains(p.classroom())) {
            host = p.classroom();
        }
        members.put(p.session(), member);
        if (lesson == LessonState.LIVE) {
            markPresent(p);
        }
        away.remove(p.session());
        boolean remoded = remode();
        member.snapshot(state());
        for (Member other : members.values()) {
            if (other != member) {
                other.delta(id, new RoomChange.Joined(p));
                if (remoded) {
                    other.delta(id, new RoomChange.Media(media.word()));
                }
            }
        }
    }

    /** Removes the session and tells those left; true when the room is now empty. */
    public synchronized boolean leave(String session, String reason) {
        Member gone = members.remove(session);
        away.remove(session);
        if (gone != null) {
            announce(new RoomChange.Left(gone.participant(), reason));
            if (remode()) {
                announce(new RoomChange.Media(media.word()));
            }
        }
        return members.isEmpty();
    }

    /**
     * Tells the others that the session's connection dropped; it stays a member. Said once: a member
     * already away stays away for its first reason. False when it is none.
     */
    public synchronized boolean away(String session, String reason) {
        Member m = members.get(session);
        if (m != null && away.putIfAbsent(session, reason) == null) {
            announceToOthers(m, new RoomChange.Away(m.participant(), reason));
        }
        return m != null;
    }

    /**
     * Tells the others that an away session is back and, when {@code snapshot}, sends it the whole
     * room. False when the session is no member (any more).
     */
    public synchronized boolean back(String session, boolean snapshot) {
        Member m = members.get(session);
        if (m != null) {
            away.remove(session);
            announceToOthers(m, new RoomChange.Back(m.participant()));
            if (snapshot) {
                m.snapshot(state());
            }
        }
        return m != null;
    }

    /**
     * The session is back through another end ({@code member}: it resumed on another node): it
     * replaces the old end, the others see {@code back} and it gets the whole room. False when
     * the session is no member (any more).
     */
    public synchronized boolean back(Member member, boolean snapshot) {
        String session = member.participant().session();
        if (!members.containsKey(session)) {
            return false;
        }
        members.put(session, member);
        return back(session, snapshot);
    }

    /** The members away now, with the reason each was told with. */
    public synchronized Map<String, String> away() {
        return Map.copyOf(away);
    }

    /** When the lesson started and which classrooms were in it while live, for another node to carry on. */
    public synchronized LessonRecord lessonRecord() {
        return new LessonRecord(startedAt, List.copyOf(present));
    }

    /**
     * What a room keeps of its lesson besides its state: when the lead teacher started it (null
     * before) and the classrooms present while it was live.
     */
    public record LessonRecord(java.time.Instant startedAt, List<String> present) {
        public LessonRecord {
            present = present == null ? List.of() : List.copyOf(present);
        }
    }

    public synchronized boolean has(String session) {
        return members.containsKey(session);
    }

    public synchronized boolean isEmpty() {
        return members.isEmpty();
    }

    public synchronized void raiseHand(String session) {
        String own = ownRural(member(session), "raise a hand");
        if (hands.add(own)) {
            announce(new RoomChange.Hands(List.copyOf(hands)));
        }
    }

    /** The lead teacher lowers any hand ({@code classroom} required); a rural room its own. */
    public synchronized void lowerHand(String session, String classroom) {
        Participant p = member(session);
        String whose = isLead(p) ? rural(required(classroom, "classroom")) : ownRural(p, "lower a hand");
        if (!isLead(p) && classroom != null && !classroom.equals(whose)) {
            throw RoomException.forbidden("a rural room lowers only its own hand");
        }
        if (hands.remove(whose)) {
            announce(new RoomChange.Hands(List.copyOf(hands)));
        }
    }

    public synchronized void grantFloor(String session, String classroom) {
        requireLead(member(session), "grant the floor");
        String to = rural(classroom);
        if (!to.equals(floor)) {
            floor = to;
            announce(new RoomChange.Floor(to));
        }
        if (hands.remove(to)) {
            announce(new RoomChange.Hands(List.copyOf(hands)));
        }
    }

    public synchronized void revokeFloor(String session) {
        requireLead(member(session), "revoke the floor");
        if (floor != null) {
            floor = null;
            announce(new RoomChange.Floor(null));
        }
    }

    /** The lead teacher mutes or unmutes any rural room; a rural room mutes itself, unmutes itself when not locked. */
    public synchronized void mute(String session, String classroom, boolean mute) {
        Participant p = member(session);
        String target = rural(classroom);
        if (!isLead(p)) {
            if (!target.equals(ownRural(p, "mute"))) {
                throw RoomException.forbidden("a rural room mutes or unmutes only itself");
            }
            if (!mute && locked.contains(target)) {
                throw RoomException.forbidden("the lead teacher has locked " + target + "'s microphone");
            }
        }
        setMuted(target, mute);
    }

    /** Lead teacher only; locking also mutes, unlocking leaves the mute as it is. */
    public synchronized void lock(String session, String classroom, boolean lock) {
        requireLead(member(session), "lock a room's microphone");
        String target = rural(classroom);
        if (lock ? locked.add(target) : locked.remove(target)) {
            announce(new RoomChange.Locked(target, lock));
        }
        if (lock) {
            setMuted(target, true);
        }
    }

    /** @param classroom null clears the spotlight */
    public synchronized void spotlight(String session, String classroom) {
        requireLead(member(session), "spotlight a room");
        String target = classroom == null ? null : rural(classroom);
        if (!Objects.equals(target, spotlight)) {
            spotlight = target;
            announce(new RoomChange.Spotlight(target));
        }
    }

    /** Anyone but staff, who only observe. */
    public synchronized void chat(String session, String text) {
        Participant p = member(session);
        if (Roles.STAFF.equals(p.role())) {
            throw RoomException.forbidden("staff observe a lesson; they do not chat in it");
        }
        ChatEntry entry = new ChatEntry(p.session(), p.subject(), p.classroom(), text, clock.instant().toString());
        chat.addLast(entry);
        while (chat.size() > MAX_CHAT_HISTORY) {
            chat.removeFirst();
        }
        announce(new RoomChange.Chat(entry));
    }

    /** A rural room reports its own attendance. */
    public synchronized void attendance(String session, int present, int total) {
        String own = ownRural(member(session), "report attendance");
        if (present < 0 || total < 1 || present > total || total > MAX_CLASS_SIZE) {
            throw new RoomException(RoomProblem.BAD_MESSAGE, "attendance needs 0 <= present <= total, 1 <= total <= "
                    + MAX_CLASS_SIZE + "; got " + present + " of " + total);
        }
        AttendanceReport report = new AttendanceReport(present, total, clock.instant().toString());
        attendance.put(own, report);
        announce(new RoomChange.Attendance(own, report));
    }

    public synchronized void startLesson(String session) {
        requireLead(member(session), "start the lesson");
        if (lesson != LessonState.WAITING) {
            throw new RoomException(RoomProblem.BAD_STATE, "the lesson is " + lesson.word() + ", not waiting");
        }
        setLesson(LessonState.LIVE);
        startedAt = clock.instant();
        members.values().forEach(m -> markPresent(m.participant()));
    }

    public synchronized void endLesson(String session) {
        requireLead(member(session), "end the lesson");
        if (lesson == LessonState.ENDED) {
            throw new RoomException(RoomProblem.BAD_STATE, "the lesson has ended already");
        }
        boolean ran = lesson == LessonState.LIVE && startedAt != null;
        setLesson(LessonState.ENDED);
        if (ran) {
            lessons.ended(run(LessonRun.ENDED));
        }
    }

    /** Who hears of the lesson's end; the registry sets it when it opens or adopts the room. */
    public synchronized void listen(LessonListener listener) {
        lessons = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The room is closed (forgotten by its registry). A room of the timetable closes only after its
     * lesson's time: if the lead teacher never ended a lesson that started, it ends now.
     */
    public synchronized void closed() {
        if (lesson == LessonState.LIVE && startedAt != null && keepUntil != null) {
            lesson = LessonState.ENDED;
            lessons.ended(run(LessonRun.ROOM_CLOSED));
        }
    }

    private LessonRun run(String ending) {
        return new LessonRun(id, title, startedAt, clock.instant(), ending, host, List.copyOf(present), attendance);
    }

    /** The lead teacher stands for the host classroom; a rural room's assistant or agent for theirs; staff for none. */
    private void markPresent(Participant p) {
        if (isLead(p)) {
            if (host != null) {
                present.add(host);
            } else if (p.classroom() != null) {
                present.add(p.classroom());
            }
        } else if (Roles.RURAL.contains(p.role()) && p.classroom() != null && classrooms.contains(p.classroom())) {
            present.add(p.classroom());
        }
    }

    /**
     * Relays a WebRTC signal to one other member, never to the room. Staff observe: they answer
     * offers and send candidates (to receive media) but make no offers.
     */
    public synchronized void relay(String from, String to, String kind, Object payload) {
        Participant sender = member(from);
        if ("offer".equals(kind) && Roles.STAFF.equals(sender.role())) {
            throw RoomException.forbidden("staff observe a lesson: they answer offers but do not make them");
        }
        if (from.equals(to)) {
            throw new RoomException(RoomProblem.BAD_MESSAGE, "a signal goes to another participant, not to yourself");
        }
        Member addressee = members.get(to);
        if (addressee == null) {
            throw new RoomException(RoomProblem.NO_SUCH_PARTICIPANT, "room " + id + " has no participant " + to);
        }
        addressee.signal(id, from, kind, payload);
    }

    /** A classroom's agent (the host's or a rural one) says it started or stopped recording. */
    public synchronized void recording(String session, boolean on) {
        Participant p = member(session);
        if (!Roles.AGENT.equals(p.role()) || p.classroom() == null || !classrooms.contains(p.classroom())) {
            throw RoomException.forbidden("only a classroom agent of this room says whether it records");
        }
        if (on ? recording.add(p.classroom()) : recording.remove(p.classroom())) {
            announce(new RoomChange.Recording(p.classroom(), on));
        }
    }

    /** True when an agent of {@code classroom} is a member. */
    public synchronized boolean hasAgentOf(String classroom) {
        return members.values().stream().map(Member::participant)
                .anyMatch(p -> Roles.AGENT.equals(p.role()) && classroom.equals(p.classroom()));
    }

    public synchronized MediaMode media() {
        return media;
    }

    /** Lets the room go through a bridge from three classrooms (the node has one configured). */
    public synchronized void allowBridge(boolean allowed) {
        bridgeable = allowed;
        if (remode()) {
            announce(new RoomChange.Media(media.word()));
        }
    }

    /**
     * Tells the room, in words, what happened to its media ({@code code} stable, {@code message}
     * for people); {@code lost}: no bridge can carry it, and it falls back to peer to peer.
     */
    public synchronized void mediaNotice(String code, String message, boolean lost) {
        announce(new RoomChange.MediaNotice(code, message));
        if (lost) {
            bridgeLost = true;
            if (remode()) {
                announce(new RoomChange.Media(media.word()));
            }
        }
    }

    /** A signal from the bridge (the server speaking for it) to one member; false when it is gone. */
    public synchronized boolean signalFromBridge(String to, String bridge, String kind, Object payload) {
        Member addressee = members.get(to);
        if (addressee == null) {
            return false;
        }
        addressee.signal(id, bridge, kind, payload);
        return true;
    }

    /** The members who send or receive media (teachers and staff; agents record on their own boxes). */
    public synchronized List<Participant> mediaParticipants() {
        return members.values().stream().map(Member::participant)
                .filter(p -> !Roles.AGENT.equals(p.role())).toList();
    }

    public synchronized RoomState state() {
        List<Participant> participants = new ArrayList<>();
        members.values().forEach(m -> participants.add(m.participant()));
        return new RoomState(id, title, lesson.word(), host, classrooms, participants, floor, List.copyOf(hands),
                List.copyOf(muted), List.copyOf(locked), spotlight, attendance, List.copyOf(chat), media.word(),
                List.copyOf(recording));
    }

    /**
     * Recomputes the media mode from the classrooms present: the lead teacher's side counts as one
     * classroom, each rural classroom with its assistant or agent in the room as one; staff not at
     * all. True when the mode changed.
     */
    private boolean remode() {
        Set<String> present = new HashSet<>();
        for (Member m : members.values()) {
            Participant p = m.participant();
            if (isLead(p)) {
                present.add(LEAD_SIDE);
            } else if (Roles.RURAL.contains(p.role()) && p.classroom() != null && classrooms.contains(p.classroom())
                    && !p.classroom().equals(host)) {
                present.add(p.classroom());
            }
        }
        MediaMode next = bridgeable && !bridgeLost ? MediaMode.forClassrooms(present.size()) : MediaMode.P2P;
        boolean changed = next != media;
        media = next;
        return changed;
    }

    private void setMuted(String classroom, boolean mute) {
        if (mute ? muted.add(classroom) : muted.remove(classroom)) {
            announce(new RoomChange.Muted(classroom, mute));
        }
    }

    private void setLesson(LessonState next) {
        lesson = next;
        announce(new RoomChange.Lesson(next.word()));
    }

    private void announce(RoomChange change) {
        for (Member m : members.values()) {
            m.delta(id, change);
        }
    }

    private void announceToOthers(Member except, RoomChange change) {
        for (Member m : members.values()) {
            if (m != except) {
                m.delta(id, change);
            }
        }
    }

    private Participant member(String session) {
        Member m = members.get(session);
        if (m == null) {
            throw new RoomException(RoomProblem.NOT_IN_ROOM, "you have not joined room " + id);
        }
        return m.participant();
    }

    private static boolean isLead(Participant p) {
        return Roles.LEAD.equals(p.role());
    }

    private static void requireLead(Participant p, String what) {
        if (!isLead(p)) {
            throw RoomException.forbidden("only the lead teacher may " + what);
        }
    }

    /** The rural classroom the participant speaks for, or FORBIDDEN. */
    private String ownRural(Participant p, String what) {
        if (!Roles.RURAL.contains(p.role()) || p.classroom() == null || !classrooms.contains(p.classroom())
                || p.classroom().equals(host)) {
            throw RoomException.forbidden("only a rural classroom's assistant teacher or agent may " + what);
        }
        return p.classroom();
    }

    /** A rural classroom of this room; the lead teacher's own room is never a target. */
    private String rural(String classroom) {
        if (classroom != null && classroom.equals(host)) {
            throw RoomException.forbidden(classroom + " is the lead teacher's room");
        }
        if (classroom == null || !classrooms.contains(classroom)) {
            throw new RoomException(RoomProblem.NO_SUCH_CLASSROOM, "room " + id + " has no rural classroom " + classroom);
        }
        return classroom;
    }

    private static String required(String value, String name) {
        if (value == null) {
            throw new RoomException(RoomProblem.BAD_MESSAGE, "missing field '" + name + "'");
        }
        return value;
    }
}
