package org.tongke.recorder.ingest;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The checksums of a {@code PATCH} body's fixed-size blocks, this recorder's {@code block-checksum}
 * extension of tus: {@code Upload-Block-Checksums: ALGORITHM BLOCKSIZE base64,base64,...}, one
 * digest per block of the body in order, the last block as short as the body leaves it. A body cut
 * midway keeps every whole block that matched, where a plain {@code Upload-Checksum} loses it all.
 */
public record BlockChecksums(String algorithm, int blockSize, List<byte[]> digests) {
    public static final String HEADER = "Upload-Block-Checksums";
    public static final String EXTENSION = "block-checksum";
    public static final int MIN_BLOCK = 1024;
    public static final int MAX_BLOCK = 64 * 1024 * 1024;
    /** Keeps the header under 6 KB with SHA-256 digests, well inside the server's 8 KB of headers. */
    public static final int MAX_BLOCKS = 128;

    public BlockChecksums {
        digests = List.copyOf(digests);
    }

    /**
     * The parsed header, or null when the request carries none; {@code bodyLength} is the
     * {@code PATCH}'s {@code Content-Length} (-1 when it has none), which the digests must cover
     * exactly.
     */
    public static BlockChecksums parse(String header, long bodyLength) {
        if (header == null) {
            return null;
        }
        String[] parts = header.trim().split(" ");
        if (parts.length != 3) {
            throw IngestException.badRequest(HEADER + " must be 'ALGORITHM BLOCKSIZE base64,base64,...'");
        }
        String algorithm = parts[0].toLowerCase(Locale.ROOT);
        if (!algorithm.equals("sha1") && !algorithm.equals("sha256")) {
            throw IngestException.badRequest(HEADER + " algorithm '" + SegmentKey.shorten(parts[0])
                    + "' is not supported; use one of " + ChunkChecksum.ALGORITHMS);
        }
        int blockSize = blockSize(parts[1]);
        if (bodyLength < 0) {
            throw IngestException.badRequest(HEADER + " needs a Content-Length to match its blocks against");
        }
        long blocks = (bodyLength + blockSize - 1) / blockSize;
        String[] encoded = parts[2].split(",", -1);
        if (encoded.length != blocks) {
            throw IngestException.badRequest(HEADER + " has " + encoded.length + " digests; a body of " + bodyLength
                    + " bytes in blocks of " + blockSize + " has " + blocks);
        }
        if (blocks > MAX_BLOCKS) {
            throw IngestException.badRequest(HEADER + " has " + blocks + " blocks; at most " + MAX_BLOCKS
                    + " per PATCH (take larger blocks)");
        }
        int digestLength = ChunkChecksum.digest(javaName(algorithm)).getDigestLength();
        List<byte[]> digests = new ArrayList<>(encoded.length);
        for (String e : encoded) {
            byte[] digest;
            try {
                digest = Base64.getDecoder().decode(e);
            } catch (IllegalArgumentException x) {
                throw IngestException.badRequest(HEADER + " digest " + (digests.size() + 1) + " is not base64");
            }
            if (digest.length != digestLength) {
                throw IngestException.badRequest(HEADER + " digest " + (digests.size() + 1) + " is " + digest.length
                        + " bytes; " + algorithm + " makes " + digestLength);
            }
            digests.add(digest);
        }
        return new BlockChecksums(algorithm, blockSize, digests);
    }

    private static int blockSize(String text) {
        try {
            int size = Integer.parseInt(text);
            if (size >= MIN_BLOCK && size <= MAX_BLOCK) {
                return size;
            }
        } catch (NumberFormatException e) {
            // Answered below, with the range.
        }
        throw IngestException.badRequest(HEADER + " block size '" + SegmentKey.shorten(text) + "' is not a whole number of bytes from "
                + MIN_BLOCK + " to " + MAX_BLOCK);
    }

    public MessageDigest newDigest() {
        return ChunkChecksum.digest(javaName(algorithm));
    }

    static String javaName(String algorithm) {
        return algorithm.equals("sha1") ? "SHA-1" : "SHA-256";
    }
}
