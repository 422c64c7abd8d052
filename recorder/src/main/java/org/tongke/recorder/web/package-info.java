/**
 * What the recorder's pages share (the library's and the archive jobs' page):
 * {@link org.tongke.recorder.web.PageAssets} serves the i18n strings, the token and API helpers
 * and the style sheet under {@code /web/}, so each page imports them rather than keeping a copy.
 */
package org.tongke.recorder.web;
