package org.tongke.recorder.resource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Renders a PDF's first page as a PNG no wider than {@link #WIDTH} pixels, for the result cards. */
public final class PdfPreview {
    public static final int WIDTH = 480;

    private PdfPreview() {
    }

    /** Writes the preview to {@code png}; {@link ResourceRejected} (unreadable) when the PDF cannot be read. */
    public static void render(Path pdf, Path png) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            if (document.getNumberOfPages() == 0) {
                throw ResourceRejected.unreadable("the PDF has no pages");
            }
            PDRectangle box = document.getPage(0).getCropBox();
            float scale = Math.min(2f, WIDTH / Math.max(1f, box.getWidth()));
            BufferedImage image = new PDFRenderer(document).renderImage(0, scale, ImageType.RGB);
            ImageIO.write(image, "png", png.toFile());
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw ResourceRejected.unreadable("the PDF is protected by a password; upload it without one");
        } catch (IOException e) {
            throw ResourceRejected.unreadable("the PDF cannot be read: " + e.getMessage());
        }
    }
}
