/**
 * The agent's side of the signaling protocol (docs/protocol.md, "Classroom agents"): the
 * messages as records, one codec, and the WebSocket client that says hello, keeps the heartbeat,
 * measures the clock offset, reports health, takes schedules and commands, and reconnects.
 */
package org.tongke.agent.link;
