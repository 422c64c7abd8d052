/**
 * Delivery of the segments to the recorder: a durable queue (a journal on disk), a small tus 1.0
 * client with a checksum on every PATCH and on each of its blocks (so a cut costs the block in
 * flight, not the chunk), resumed from the recorder's offset after a cut or a restart, retried
 * with backoff for as long as the file exists, throttled by a token bucket to the time of day's
 * cap; local files deleted only once the recorder confirms them, the oldest
 * confirmed first when the disk fills.
 */
package org.tongke.agent.upload;
