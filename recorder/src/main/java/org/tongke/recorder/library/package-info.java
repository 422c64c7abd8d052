/**
 * The library over HTTP: {@link org.tongke.recorder.library.LibraryRoutes#mount} puts the
 * search, entry, view-count, notes and resource-upload API, the signed media route and the
 * pages (Simplified Chinese by default, English with {@code ?lang=en}; hls.js from its WebJar
 * for adaptive playback) onto the recorder server's router. The API takes staff and teacher
 * tokens only; media URLs carry an HMAC signature with an expiry
 * ({@link org.tongke.recorder.library.MediaUrlSigner}), so players and images load without a
 * token and a leaked link dies within hours.
 */
package org.tongke.recorder.library;
