package org.tongke.recorder.ingest;

import java.security.MessageDigest;

/**
 * Checks one {@code PATCH} body as it streams in, against its {@code Upload-Checksum} and its
 * {@code Upload-Block-Checksums}, either or both or neither, and says how much of it may be kept
 * when it stops short: every whole block that matched when blocks were promised; nothing when only
 * the body's checksum was, which a cut leaves unchecked; all that arrived when nothing was.
 */
public final class BodyCheck {
    private final ChunkChecksum whole;
    private final MessageDigest wholeDigest;
    private final BlockChecksums blocks;
    private final MessageDigest blockDigest;
    private long received;
    private long verified;
    private int block;
    private int inBlock;
    private boolean wholeFailed;

    public BodyCheck(ChunkChecksum whole, BlockChecksums blocks) {
        this.whole = whole;
        this.wholeDigest = whole == null ? null : whole.newDigest();
        this.blocks = blocks;
        this.blockDigest = blocks == null ? null : blocks.newDigest();
    }

    /** Takes the next bytes of the body; a whole block that does not match throws (460), the blocks before it stay keepable. */
    public void update(byte[] data) {
        if (wholeDigest != null) {
            wholeDigest.update(data);
        }
        received += data.length;
        if (blocks == null) {
            return;
        }
        for (int off = 0; off < data.length; ) {
            if (block >= blocks.digests().size()) {
                throw IngestException.badRequest("the body runs past the " + blocks.digests().size() + " blocks of "
                        + BlockChecksums.HEADER);
            }
            int n = Math.min(data.length - off, blocks.blockSize() - inBlock);
            blockDigest.update(data, off, n);
            inBlock += n;
            off += n;
            if (inBlock == blocks.blockSize()) {
                checkBlock();
            }
        }
    }

    /** At the body's end: its last, shorter block and the whole body's checksum (a mismatch keeps nothing). */
    public void finish() {
        if (blocks != null && inBlock > 0) {
            checkBlock();
        }
        if (whole != null && !whole.matches(wholeDigest.digest())) {
            wholeFailed = true;
            throw IngestException.checksumMismatch("the chunk's " + whole.algorithm() + " does not match Upload-Checksum");
        }
    }

    /** How many of the bytes received so far may be kept if the body stops here. */
    public long keepable() {
        if (wholeFailed) {
            return 0;
        }
        if (blocks != null) {
            return verified;
        }
        return whole != null ? 0 : received;
    }

    public long received() {
        return received;
    }

    private void checkBlock() {
        if (!MessageDigest.isEqual(blocks.digests().get(block), blockDigest.digest())) {
            throw IngestException.checksumMismatch("block " + (block + 1) + " of " + blocks.digests().size() + " (bytes "
                    + verified + " to " + (verified + inBlock) + " of the body) does not match its " + blocks.algorithm()
                    + " in " + BlockChecksums.HEADER + "; the " + block + " block(s) before it are kept");
        }
        verified += inBlock;
        block++;
        inBlock = 0;
    }
}
