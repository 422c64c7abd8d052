package org.tongke.recorder.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real documents made in the test: a two-page PDF, and the ZIP skeletons of PPTX and DOCX files. */
public final class Documents {
    private Documents() {
    }

    public static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 1; i <= 2; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
                    text.newLineAtOffset(72, 700);
                    text.showText("Fractions, page " + i);
                    text.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    public static byte[] pptx() throws IOException {
        return zip("[Content_Types].xml", "ppt/presentation.xml", "ppt/slides/slide1.xml");
    }

    public static byte[] docx() throws IOException {
        return zip("[Content_Types].xml", "word/document.xml");
    }

    public static byte[] zipOfText() throws IOException {
        return zip("notes.txt");
    }

    private static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
