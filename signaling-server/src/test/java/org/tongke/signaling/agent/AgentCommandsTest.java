package org.tongke.signaling.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tongke.config.auth.Identity;
import org.tongke.config.auth.Role;
import org.tongke.signaling.protocol.ErrorCode;
import org.tongke.signaling.protocol.ServerMessage;

class AgentCommandsTest {
    static final Instant T0 = Instant.parse("2021-11-24T05:00:00Z");
    private final AgentCommands commands = new AgentCommands();
    private final Peer staff = peer("s1");

    static Peer peer(String id) {
        Identity identity = AgentAccessTest.who(Role.STAFF, "county:q");
        return new Peer() {
            public String id() {
                return id;
            }

            public Identity identity() {
                return identity;
            }

            public void send(ServerMessage message) {
            }
        };
    }

    private static ErrorCode refusal(Runnable r) {
        try {
            r.run();
        } catch (AgentRefusal e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aResultGoesToTheSenderOnceAndOnlyForItsClassroom() {
        commands.sent("a/r", "c-1", staff, T0);

        assertThat(refusal(() -> commands.answered("b/r", "c-1", T0))).isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(commands.answered("a/r", "c-1", T0)).isSameAs(staff);
        assertThat(refusal(() -> commands.answered("a/r", "c-1", T0))).isEqualTo(ErrorCode.BAD_MESSAGE);
    }

    @Test
    void anIdStillWaitingIsRefusedAndTooManyWaitingIsRateLimited() {
        commands.sent("a/r", "c-1", staff, T0);
        assertThat(refusal(() -> commands.sent("a/r", "c-1", peer("s2"), T0))).isEqualTo(ErrorCode.BAD_MESSAGE);
        commands.sent("b/r", "c-1", staff, T0);
        for (int i = 2; i <= AgentCommands.MAX_WAITING; i++) {
            commands.sent("a/r", "c-" + i, staff, T0);
        }
        assertThat(refusal(() -> commands.sent("a/r", "c-x", staff, T0))).isEqualTo(ErrorCode.RATE_LIMITED);
    }

    @Test
    void aCommandIsForgottenAfterTheTimeoutAndDroppedWhenItsAgentLeaves() {
        commands.sent("a/r", "c-1", staff, T0);
        commands.sent("b/r", "c-2", staff, T0.plusSeconds(60));

        commands.sent("a/r", "c-3", staff, T0.plus(AgentCommands.TIMEOUT));
        assertThat(refusal(() -> commands.answered("a/r", "c-1", T0.plus(AgentCommands.TIMEOUT))))
                .isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(commands.drop("a/r")).extracting(AgentCommands.Waiting::id).containsExactly("c-3");
        assertThat(commands.size()).isEqualTo(1);
    }
}
