/**
 * What the server does with each message, as plain Java: {@link org.tongke.signaling.service.SignalingService}
 * checks hello and tokens, dispatches room actions to {@link org.tongke.signaling.room.Room}s and
 * turns refusals into error messages. It talks to clients only through
 * {@link org.tongke.signaling.service.Connection}, so it is tested without a server. Nothing here
 * blocks: it runs on Netty's event loops.
 */
package org.tongke.signaling.service;
