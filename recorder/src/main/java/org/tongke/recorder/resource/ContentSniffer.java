package org.tongke.recorder.resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Tells a file's type from its content: the PDF, PNG and JPEG signatures, and for a ZIP the
 * part every Office Open XML presentation ({@code ppt/presentation.xml}) or document
 * ({@code word/document.xml}) has. A renamed executable or an old binary .ppt is refused
 * whatever its name says.
 */
public final class ContentSniffer {
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private ContentSniffer() {
    }

    /** The file's type, or {@link ResourceRejected} (wrong-type) saying what it seems to be. */
    public static ResourceType sniff(Path file) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        byte[] start = Arrays.copyOf(head, read);
        if (startsWith(start, PDF)) {
            return ResourceType.PDF;
        }
        if (startsWith(start, PNG)) {
            return ResourceType.PNG;
        }
        if (startsWith(start, JPEG)) {
            return ResourceType.JPEG;
        }
        if (startsWith(start, ZIP)) {
            return office(file);
        }
        throw ResourceRejected.wrongType(read == 0 ? "the file is empty" : "its content is none of these");
    }

    private static ResourceType office(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("ppt/presentation.xml") != null) {
                return ResourceType.PPTX;
            }
            if (zip.getEntry("word/document.xml") != null) {
                return ResourceType.DOCX;
            }
            throw ResourceRejected.wrongType("it is a ZIP archive but neither a PowerPoint nor a Word file");
        } catch (ZipException e) {
            throw ResourceRejected.wrongType("it starts like a ZIP archive but is not a readable one");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
