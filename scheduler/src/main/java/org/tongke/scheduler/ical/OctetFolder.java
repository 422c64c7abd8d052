package org.tongke.scheduler.ical;

import java.util.regex.Pattern;

/**
 * Folds content lines at 75 octets (RFC 5545 section 3.1). ical4j's writer folds at 75
 * characters (it caps any longer length at that), and a Chinese character is three octets in
 * UTF-8, so its lines of a Chinese SUMMARY or DESCRIPTION run to over 200 octets. Its output is
 * unfolded and folded again here. Lines are split between code points only, so no UTF-8 sequence
 * is cut; a continuation line starts with one space, which counts towards its 75.
 */
final class OctetFolder {
    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";
    private static final Pattern FOLD = Pattern.compile("\r\n[ \t]");

    private OctetFolder() {
    }

    /** {@code text} is content lines, each ended by CRLF, folded or not. */
    static String fold(String text) {
        String unfolded = FOLD.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 16);
        for (String line : unfolded.split(CRLF)) {
            foldLine(line, out);
            out.append(CRLF);
        }
        return out.toString();
    }

    private static void foldLine(String line, StringBuilder out) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
    }

    static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
