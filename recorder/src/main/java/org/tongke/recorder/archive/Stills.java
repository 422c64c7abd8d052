package org.tongke.recorder.archive;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * The poster (a frame a second in, or the first) and the thumbnail strip (one tile every
 * {@code everySeconds}, for scrubbing), taken from the decoded frames of the transcode pass.
 */
final class Stills implements AutoCloseable {
    static final int POSTER_WIDTH = 640;
    static final int TILE_WIDTH = 160;
    static final int COLUMNS = 10;
    private static final long POSTER_AT_MICROS = 1_000_000;

    private final FFmpegFrameFilter posterFilter;
    private final FFmpegFrameFilter tileFilter;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final long everyMicros;
    private final List<BufferedImage> tiles = new ArrayList<>();
    private BufferedImage poster;
    private boolean posterSettled;

    Stills(int width, int height, int pixelFormat, int everySeconds) throws FrameFilter.Exception {
        this.everyMicros = everySeconds * 1_000_000L;
        this.posterFilter = filter("scale=" + POSTER_WIDTH + ":-2,format=bgr24", width, height, pixelFormat);
        this.tileFilter = filter("scale=" + TILE_WIDTH + ":-2,format=bgr24", width, height, pixelFormat);
    }

    private static FFmpegFrameFilter filter(String graph, int width, int height, int pixelFormat) throws FrameFilter.Exception {
        FFmpegFrameFilter f = new FFmpegFrameFilter(graph, width, height);
        f.setPixelFormat(pixelFormat < 0 ? AV_PIX_FMT_YUV420P : pixelFormat);
        f.start();
        return f;
    }

    /** Looks at a decoded picture at {@code micros} from the source's start. */
    void offer(Frame image, long micros) throws FrameFilter.Exception {
        if (poster == null || (!posterSettled && micros >= POSTER_AT_MICROS)) {
            // The first frame stands in until one a second in (past a fade-in or a black start) arrives.
            poster = take(posterFilter, image);
            posterSettled = micros >= POSTER_AT_MICROS;
        }
        if (micros >= tiles.size() * everyMicros) {
            tiles.add(take(tileFilter, image));
        }
    }

    private BufferedImage take(FFmpegFrameFilter filter, Frame image) throws FrameFilter.Exception {
        filter.push(image);
        Frame out = filter.pull();
        BufferedImage converted = converter.convert(out);
        BufferedImage copy = new BufferedImage(converted.getWidth(), converted.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        copy.getGraphics().drawImage(converted, 0, 0, null);
        return copy;
    }

    /** Where the tiles go one file each, beside the strip. */
    static final String TILE_FOLDER = "thumbnails";

    /** Writes the poster and the strip; answers the strip's layout, paths relative to {@code base}. */
    ArchiveManifest.Thumbnails write(Path posterFile, Path stripFile, String stripName) throws IOException, ArchiveFailed {
        if (poster == null || tiles.isEmpty()) {
            throw new ArchiveFailed("no picture could be decoded for the poster");
        }
        ImageIO.write(poster, "jpg", posterFile.toFile());
        int tw = tiles.get(0).getWidth();
        int th = tiles.get(0).getHeight();
        int columns = Math.min(COLUMNS, tiles.size());
        int rows = (tiles.size() + columns - 1) / columns;
        BufferedImage strip = new BufferedImage(tw * columns, th * rows, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = strip.createGraphics();
        for (int i = 0; i < tiles.size(); i++) {
            g.drawImage(tiles.get(i), (i % columns) * tw, (i / columns) * th, null);
        }
        g.dispose();
        ImageIO.write(strip, "jpg", stripFile.toFile());
        Path folder = stripFile.resolveSibling(TILE_FOLDER);
        java.nio.file.Files.createDirectories(folder);
        for (int i = 0; i < tiles.size(); i++) {
            ImageIO.write(tiles.get(i), "jpg", folder.resolve(String.format("%05d.jpg", i)).toFile());
        }
        String folderName = stripName.substring(0, stripName.lastIndexOf('/') + 1) + TILE_FOLDER;
        return new ArchiveManifest.Thumbnails(stripName, folderName, (int) (everyMicros / 1_000_000), tiles.size(),
                columns, tw, th);
    }

    @Override
    public void close() throws FrameFilter.Exception {
        posterFilter.close();
        tileFilter.close();
    }
}
