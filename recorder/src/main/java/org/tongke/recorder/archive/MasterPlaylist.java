package org.tongke.recorder.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The HLS master playlist: every rendition with its bandwidth and size, highest first. */
final class MasterPlaylist {
    private MasterPlaylist() {
    }

    static void write(Path file, List<ArchiveManifest.Rendition> renditions, boolean audio) throws IOException {
        StringBuilder m = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        String codecs = audio ? "avc1.640028,mp4a.40.2" : "avc1.640028";
        renditions.stream().sorted((a, b) -> Integer.compare(b.height(), a.height())).forEach(r -> {
            long bandwidth = (long) (r.videoKbps() + r.audioKbps()) * 1000 * 11 / 10;
            m.append(String.format(Locale.ROOT, "#EXT-X-STREAM-INF:BANDWIDTH=%d,RESOLUTION=%dx%d,CODECS=\"%s\"%n%s%n",
                    bandwidth, r.width(), r.height(), codecs, r.playlist().substring(r.playlist().indexOf('/') + 1)));
        });
        Files.writeString(file, m);
    }
}
