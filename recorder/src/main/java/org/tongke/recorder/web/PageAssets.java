package org.tongke.recorder.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The files every recorder page shares, under {@code /web/}: the strings in both languages and
 * the choice between them ({@code i18n.js}), the token taken once from {@code ?token=} and the
 * API calls ({@code api.js}), the style sheet.
 */
public final class PageAssets {
    public static final String PREFIX = "/web/";

    private PageAssets() {
    }

    public static void mount(Router router) {
        router.route(PREFIX + "*").handler(StaticHandler.create("org/tongke/recorder/web").setCachingEnabled(false));
    }
}
