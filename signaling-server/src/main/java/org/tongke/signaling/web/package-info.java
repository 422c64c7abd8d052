/**
 * Pages the signaling server serves itself: {@link org.tongke.signaling.web.StaticResources} holds
 * the files of a page (the console, under {@code org/tongke/signaling/web/console/}) read from the
 * jar once at start, so that serving them never reads the disk on an event loop.
 */
package org.tongke.signaling.web;
