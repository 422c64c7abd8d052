/**
 * The classroom's schedule: as the signaling server sends it, cached on disk with its version so
 * that lessons are recorded on time with the link down, and the scheduler that turns it (and the
 * start-now / stop-now commands) into recordings, on an injected clock.
 */
package org.tongke.agent.schedule;
