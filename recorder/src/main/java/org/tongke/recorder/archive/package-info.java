/**
 * The archive pipeline (JavaCV, FFmpeg's GPL build with libx264): a classroom's recording of a
 * lesson, each source's segments joined in order, made into HLS for a rural link (about 720p
 * and 360p, and the original by stream copy when it is H.264/AAC), the original kept, a poster
 * and a thumbnail strip, and {@code manifest.json}; built in staging and published whole.
 * {@link org.tongke.recorder.archive.ArchiveListener} hears of every published archive.
 */
package org.tongke.recorder.archive;
