package org.tongke.signaling.service;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tongke.signaling.auth.Identity;
import org.tongke.signaling.protocol.ServerMessage;
import org.tongke.signaling.room.Member;
import org.tongke.signaling.room.Participant;
import org.tongke.signaling.room.RoomAccess;
import org.tongke.signaling.room.RoomChange;
import org.tongke.signaling.room.RoomState;

/** A welcomed connection: who it is and which rooms it is in. */
final class Session implements Member {
    private final Connection connection;
    private final Identity identity;
    private final Participant participant;
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();

    Session(Connection connection, Identity identity) {
        this.connection = connection;
        this.identity = identity;
        this.participant = RoomAccess.participant(connection.id(), identity);
    }

    Connection connection() {
        return connection;
    }

    Identity identity() {
        return identity;
    }

    Set<String> rooms() {
        return rooms;
    }

    @Override
    public Participant participant() {
        return participant;
    }

    @Override
    public void snapshot(RoomState state) {
        connection.send(new ServerMessage.Snapshot(state.id(), state));
    }

    @Override
    public void delta(String room, RoomChange change) {
        connection.send(new ServerMessage.Delta(room, change));
    }

    @Override
    public void signal(String room, String from, String kind, Object payload) {
        connection.send(new ServerMessage.Signal(room, from, kind, payload));
    }
}
