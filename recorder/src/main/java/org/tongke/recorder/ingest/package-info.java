/**
 * Ingest: the segments the edge agents upload with tus 1.0 ({@code docs/api/recorder.md}), each
 * {@code PATCH} body checked as it streams in (its checksum, and a checksum per block so that a cut
 * body keeps its verified blocks), kept until they are whole, checked against their SHA-256 and
 * stored for good; the agents' manifests, and the decision when a classroom's recording of a
 * lesson is ready to archive.
 * Plain blocking classes: the HTTP handlers in {@code recorder.server} call them on worker threads.
 */
package org.tongke.recorder.ingest;
