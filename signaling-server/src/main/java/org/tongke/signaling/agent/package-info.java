/**
 * Recording classrooms and their edge agents: which classroom is online, what its agent last
 * reported ({@link org.tongke.signaling.agent.ClassroomRegistry}), which schedule version it
 * acknowledged, and the commands staff and lead teachers send it
 * ({@link org.tongke.signaling.agent.AgentCommands}). Who may do what is in
 * {@link org.tongke.signaling.agent.AgentAccess}; {@link org.tongke.signaling.agent.ClassroomAgents}
 * is what the signaling service calls; with several nodes it shares the agents through an
 * {@link org.tongke.signaling.agent.AgentDirectory}. No Netty or Redis types here.
 */
package org.tongke.signaling.agent;
