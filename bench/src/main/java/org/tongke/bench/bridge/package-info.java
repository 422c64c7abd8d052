/**
 * The bridge focus's own cost: how long after the last of a lesson's four consoles joins every
 * console has its allocation and offer, next to one bare Colibri2 request to the same bridge, and
 * the signaling server's heap per bridged lesson. The bridge is the tests' stand-in (REST
 * Colibri2, no media) in a process of its own.
 */
package org.tongke.bench.bridge;
