package org.tongke.signaling.cluster;

import java.util.Objects;
import java.util.function.BiConsumer;
import org.tongke.signaling.protocol.MessageCodec;
import org.tongke.signaling.protocol.Sequenced;
import org.tongke.signaling.protocol.ServerMessage;
import org.tongke.signaling.room.Member;
import org.tongke.signaling.room.Participant;
import org.tongke.signaling.room.RoomChange;
import org.tongke.signaling.room.RoomState;

/**
 * A member of a room owned here whose session is connected to another node: what the room tells
 * it goes to that node as {@link NodeMessage.Deliver}, in the room's order (called under the
 * room's lock; the sender only queues on one Redis connection).
 */
public final class RemoteMember implements Member {
    private final Participant participant;
    private final String node;
    private final MessageCodec codec;
    private final BiConsumer<String, NodeMessage> send;

    /** @param send publishes a message to a node's channel, never blocking */
    public RemoteMember(Participant participant, String node, MessageCodec codec, BiConsumer<String, NodeMessage> send) {
        this.participant = Objects.requireNonNull(participant, "participant");
        this.node = Objects.requireNonNull(node, "node");
        this.codec = codec;
        this.send = send;
    }

    /** The node the session is connected to. */
    public String node() {
        return node;
    }

    @Override
    public Participant participant() {
        return participant;
    }

    @Override
    public void snapshot(RoomState state) {
        deliver(new ServerMessage.Snapshot(state.id(), state));
    }

    @Override
    public void delta(String room, RoomChange change) {
        deliver(new ServerMessage.Delta(room, change));
    }

    @Override
    public void signal(String room, String from, String kind, Object payload) {
        deliver(new ServerMessage.Signal(room, from, kind, payload));
    }

    /** A refusal of what the session asked, back to it. */
    public void error(ServerMessage.Error error) {
        deliver(error);
    }

    private void deliver(ServerMessage message) {
        send.accept(node, new NodeMessage.Deliver(participant.session(),
                codec.encodeServer(new Sequenced(1, message))));
    }
}
