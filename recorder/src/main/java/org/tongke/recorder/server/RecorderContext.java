package org.tongke.recorder.server;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import javax.sql.DataSource;
import org.tongke.recorder.archive.ArchiveListeners;
import org.tongke.recorder.storage.MediaStorage;

/**
 * What an extension gets: Vert.x, the router (its failure handler answers errors as JSON), token
 * authentication for its routes, the migrated database (the extension's migrations are V2 on, in
 * {@code db/migration}), the media storage, the listeners of published archives, the metrics and the health
 * details it adds to.
 */
public record RecorderContext(Vertx vertx, Router router, Authentication authentication, DataSource dataSource,
                              MediaStorage storage, ArchiveListeners archiveListeners,
                              RecorderMetrics metrics, HealthDetails health) {
}
