package org.tongke.signaling.agent;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.tongke.signaling.protocol.ClientMessage;

/**
 * The classrooms' agents as every node sees them ({@code --redis}): each node tells it about the
 * agents connected to it, and finds through it the agents connected to the others. Never blocks:
 * calls queue their work and answer with a stage. Calls of one caller reach it in call order.
 */
public interface AgentDirectory {
    /**
     * The classroom's agent, on session {@code session} of this node, is as {@code status} says;
     * for as long as this node keeps saying so. Completes false when another session (on another
     * node) holds the classroom and {@code takeOver} was false: this one was replaced.
     *
     * @param takeOver the agent connected or came back here: it replaces any other
     */
    CompletionStage<Boolean> present(ClassroomStatus status, String session, boolean takeOver);

    /**
     * The classroom's agent is still on {@code session} of this node: its presence lasts another
     * lease. Completes false when another session holds the classroom (it was replaced).
     */
    CompletionStage<Boolean> renew(String classroom, String session);

    /** The classroom's agent on {@code session} left this node; {@code status} says since when it is offline. */
    void gone(ClassroomStatus status, String session);

    /**
     * Sends {@code command} of {@code sender} to the node of the classroom's agent, which checks
     * it as its own ({@code leadsRoomWith}: whether the sender leads a room listing the classroom)
     * and sends the result, or its refusal, to the sender.
     */
    CompletionStage<Forwarded> command(Peer sender, ClientMessage.AgentCommand command, boolean leadsRoomWith);

    /** What the nodes say of these classrooms, by id; a classroom no node ever reported is missing. */
    CompletionStage<Map<String, ClassroomStatus>> statuses(Collection<String> classrooms);

    /** What became of a command sent to another node. */
    enum Forwarded {
        /** The agent's node has it. */
        HEARD,
        /** The agent's node died (its presence has not run out yet): nobody heard it. */
        GONE,
        /** No agent of the classroom is connected anywhere. */
        NONE
    }
}
