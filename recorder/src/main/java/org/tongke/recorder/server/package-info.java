/**
 * The recorder as a service: the Vert.x HTTP server (tus ingest, confirmation, manifests,
 * health, Prometheus metrics, the jobs' admin view), token authentication, the database and its
 * migrations. Handlers parse, call the plain classes of {@code ingest} and {@code jobs} on worker
 * threads, and answer; the catalog's routes are added through {@link org.tongke.recorder.server.RecorderServer#mount}.
 */
package org.tongke.recorder.server;
