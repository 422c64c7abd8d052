/**
 * Several signaling nodes over Redis ({@code signaling serve --redis}): each room has one owner
 * node at a time, held by a lease in Redis, which runs the room's rules; members connected to
 * other nodes are {@link org.tongke.signaling.cluster.RemoteMember}s whose messages travel on their
 * node's pub/sub channel. {@link org.tongke.signaling.cluster.RedisAgents} keeps the classrooms'
 * agents of every node in Redis and sends commands to an agent's node, whose answers go back to the
 * sender through a {@link org.tongke.signaling.cluster.RemotePeer}.
 * {@link org.tongke.signaling.cluster.RedisScheduleVersions} is where the nodes agree on each
 * classroom's schedule version. {@link org.tongke.signaling.cluster.NodeMessage} and its one codec
 * {@link org.tongke.signaling.cluster.NodeCodec} are what nodes say to each other;
 * {@link org.tongke.signaling.cluster.RedisNodes} is the Lettuce wiring (asynchronous API only,
 * a pub/sub connection of its own). Without {@code --redis} nothing here is used.
 */
package org.tongke.signaling.cluster;
