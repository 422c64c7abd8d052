/**
 * ICE servers for the consoles' WebRTC connections: STUN and TURN URLs from the server's options
 * and, for TURN, coturn's time-limited credentials from a shared secret (the "TURN REST API"
 * scheme of coturn's {@code use-auth-secret} / {@code static-auth-secret}). Handed to every
 * client in {@code welcome}. Plain Java; the clock is passed in.
 */
package org.tongke.signaling.ice;
