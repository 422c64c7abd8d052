package org.tongke.agent.capture;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A test source's caption as a PNG that lavfi overlays on the pattern. FFmpeg's drawtext is
 * not in JavaCV's build (it needs HarfBuzz), so the text is drawn once by Java2D instead.
 */
final class TextOverlay {
    /** Fonts tried, CJK first; Java2D's own font when none is installed. */
    static final List<String> FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private TextOverlay() {
    }

    static Path render(String text, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Font font = font().deriveFont(28f);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics metrics = pg.getFontMetrics(font);
        int width = metrics.stringWidth(text) + 16;
        int height = metrics.getHeight() + 8;
        pg.dispose();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0, 0, 0, 128));
        g.fillRect(0, 0, width, height);
        g.setFont(font);
        g.setColor(Color.WHITE);
        g.drawString(text, 8, 4 + metrics.getAscent());
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static Font font() {
        for (String f : FONTS) {
            if (Files.isRegularFile(Path.of(f))) {
                try {
                    return Font.createFont(Font.TRUETYPE_FONT, new File(f));
                } catch (FontFormatException | IOException e) {
                    // Try the next one.
                }
            }
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 28);
    }
}
