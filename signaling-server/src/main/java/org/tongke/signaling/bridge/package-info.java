/**
 * The signaling server as the focus of Jitsi Videobridge for lessons of three or more
 * classrooms: a Colibri2 client over the bridge's REST API (requests and replies built and read
 * with jitsi-xmpp-extensions' own model and JSON (de)serializer), a pool of health-checked
 * bridges choosing the least loaded, one conference per lesson with one endpoint per console,
 * failover to another bridge, and the receiver video constraints that keep the lead teacher and
 * the room holding the floor in high quality: computed per console from the room's {@link
 * org.tongke.signaling.bridge.Stage} and handed to the console ({@link
 * org.tongke.signaling.bridge.BridgeChannel}), which sends them over its bridge channel.
 *
 * <p>Nothing here blocks: every bridge call returns a {@link java.util.concurrent.CompletableFuture}
 * completed on the HTTP client's threads.
 */
package org.tongke.signaling.bridge;
