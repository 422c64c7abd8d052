/**
 * The signaling server's load benchmark: {@link org.tongke.bench.signaling.SignalingBench} runs
 * the server and a plain Netty WebSocket echo server (the baseline) as processes and drives them
 * from a {@link org.tongke.bench.signaling.LoadGenerator} process of many Netty WebSocket clients
 * on two event loops: agents held open, lesson rooms relaying stamped chat lines, and a flood
 * for the most messages a second.
 */
package org.tongke.bench.signaling;
