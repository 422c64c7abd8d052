package org.tongke.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BodyCheckTest {
    private static final int BLOCK = 1024;

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static String header(String algorithm, int block, byte[] body) throws Exception {
        List<String> digests = new ArrayList<>();
        for (int at = 0; at < body.length; at += block) {
            MessageDigest d = MessageDigest.getInstance(algorithm.equals("sha1") ? "SHA-1" : "SHA-256");
            d.update(body, at, Math.min(block, body.length - at));
            digests.add(Base64.getEncoder().encodeToString(d.digest()));
        }
        return algorithm + " " + block + " " + String.join(",", digests);
    }

    private static ChunkChecksum whole(byte[] body) throws Exception {
        return ChunkChecksum.parse("sha1 " + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(body)));
    }

    /** Feeds the body in pieces of {@code piece} bytes, as a socket delivers it, up to {@code upTo}. */
    private static void feed(BodyCheck check, byte[] body, int upTo, int piece) {
        for (int at = 0; at < upTo; at += piece) {
            check.update(Arrays.copyOfRange(body, at, Math.min(upTo, at + piece)));
        }
    }

    @Test
    void keepsEveryWholeVerifiedBlockOfABodyCutMidway() throws Exception {
        byte[] body = bytes(5 * BLOCK + 300);
        BodyCheck check = new BodyCheck(whole(body), BlockChecksums.parse(header("sha1", BLOCK, body), body.length));
        feed(check, body, 3 * BLOCK + 700, 333);
        assertThat(check.received()).isEqualTo(3 * BLOCK + 700);
        assertThat(check.keepable()).isEqualTo(3 * BLOCK);
    }

    @Test
    void acceptsAWholeBodyWithAShortLastBlockInSha256() throws Exception {
        byte[] body = bytes(4 * BLOCK + 17);
        BodyCheck check = new BodyCheck(whole(body), BlockChecksums.parse(header("sha256", BLOCK, body), body.length));
        feed(check, body, body.length, 4096);
        check.finish();
        assertThat(check.keepable()).isEqualTo(body.length);
    }

    @Test
    void stopsAtTheFirstBlockThatDoesNotMatchAndKeepsTheBlocksBeforeIt() throws Exception {
        byte[] body = bytes(6 * BLOCK);
        String header = header("sha1", BLOCK, body);
        byte[] damaged = body.clone();
        damaged[4 * BLOCK + 10] ^= 1;
        BodyCheck check = new BodyCheck(null, BlockChecksums.parse(header, body.length));
        assertThatThrownBy(() -> feed(check, damaged, damaged.length, 1500))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.status()).isEqualTo(IngestException.CHECKSUM_MISMATCH);
                    assertThat(e.getMessage()).contains("block 5 of 6", "the 4 block(s) before it are kept");
                });
        assertThat(check.keepable()).isEqualTo(4 * BLOCK);
    }

    @Test
    void keepsNothingOfAWholeBodyWhoseUploadChecksumFailsThoughEveryBlockMatched() throws Exception {
        byte[] body = bytes(3 * BLOCK);
        BodyCheck check = new BodyCheck(whole(new byte[] {1}), BlockChecksums.parse(header("sha1", BLOCK, body), body.length));
        feed(check, body, body.length, 1000);
        assertThatThrownBy(check::finish).isInstanceOf(IngestException.class).hasMessageContaining("Upload-Checksum");
        assertThat(check.keepable()).isZero();
    }

    @Test
    void withoutBlockChecksumsACutKeepsNothingOfAChecksummedBodyAndAllOfAPlainOne() throws Exception {
        byte[] body = bytes(3 * BLOCK);
        BodyCheck checksummed = new BodyCheck(whole(body), null);
        feed(checksummed, body, 2 * BLOCK + 5, 700);
        assertThat(checksummed.keepable()).isZero();
        BodyCheck plain = new BodyCheck(null, null);
        feed(plain, body, 2 * BLOCK + 5, 700);
        assertThat(plain.keepable()).isEqualTo(2 * BLOCK + 5);
    }

    @Test
    void refusesHeadersThatDoNotDescribeTheBody() throws Exception {
        byte[] body = bytes(3 * BLOCK);
        String good = header("sha1", BLOCK, body);
        assertThat(BlockChecksums.parse(null, body.length)).isNull();
        assertThatThrownBy(() -> BlockChecksums.parse(good, body.length + BLOCK)).hasMessageContaining("has 3 digests");
        assertThatThrownBy(() -> BlockChecksums.parse(good, -1)).hasMessageContaining("needs a Content-Length");
        assertThatThrownBy(() -> BlockChecksums.parse(good.replace("sha1", "md5"), body.length)).hasMessageContaining("'md5' is not supported");
        assertThatThrownBy(() -> BlockChecksums.parse("sha1 512 " + good.split(" ")[2], body.length)).hasMessageContaining("from 1024");
        assertThatThrownBy(() -> BlockChecksums.parse("sha1 1024 AAAA,AAAA,AAAA", body.length)).hasMessageContaining("digest 1 is 3 bytes");
        assertThatThrownBy(() -> BlockChecksums.parse("sha1 1024", body.length)).hasMessageContaining("ALGORITHM BLOCKSIZE");
        byte[] big = bytes(129 * BLOCK);
        assertThatThrownBy(() -> BlockChecksums.parse(header("sha1", BLOCK, big), big.length)).hasMessageContaining("at most 128");
    }
}
