package org.tongke.signaling.cluster;

import java.util.Objects;
import java.util.function.BiConsumer;
import org.tongke.config.auth.Identity;
import org.tongke.signaling.agent.Peer;
import org.tongke.signaling.protocol.MessageCodec;
import org.tongke.signaling.protocol.Sequenced;
import org.tongke.signaling.protocol.ServerMessage;

/**
 * The sender of a command for an agent connected here, whose session is on another node: what
 * it is sent (the agent's result, a refusal) goes to that node as {@link NodeMessage.Deliver}.
 */
public final class RemotePeer implements Peer {
    private final String session;
    private final Identity identity;
    private final String node;
    private final MessageCodec codec;
    private final BiConsumer<String, NodeMessage> send;

    /** @param send publishes a message to a node's channel, never blocking */
    public RemotePeer(String session, Identity identity, String node, MessageCodec codec,
            BiConsumer<String, NodeMessage> send) {
        this.session = Objects.requireNonNull(session, "session");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.node = Objects.requireNonNull(node, "node");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.send = Objects.requireNonNull(send, "send");
    }

    @Override
    public String id() {
        return session;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    /** The node the session is connected to. */
    public String node() {
        return node;
    }

    @Override
    public void send(ServerMessage message) {
        send.accept(node, new NodeMessage.Deliver(session, codec.encodeServer(new Sequenced(1, message))));
    }
}
