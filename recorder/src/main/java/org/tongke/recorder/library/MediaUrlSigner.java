package org.tongke.recorder.library;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs media URLs so that a browser can fetch posters, playlists and segments without a
 * token, but only until they expire: {@code /media/EXP.DEPTH.SIG/PATH}, where {@code EXP} is the
 * expiry in epoch seconds, {@code DEPTH} how many leading segments of {@code PATH} the
 * signature covers, and {@code SIG} the base64url HMAC-SHA256 of expiry, depth and those
 * segments. A signature over a folder covers everything below it, which is what HLS needs: the
 * playlists name their renditions and segments by relative URLs, which keep the signed prefix.
 * Thread-safe.
 */
public final class MediaUrlSigner {
    public static final String PREFIX = "/media/";
    /** Long enough to watch a lesson twice over; short enough that a shared link soon dies. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(4);
    /** Keeps signatures apart from anything else the same secret signs (tokens). */
    private static final String CONTEXT = "tongke-media-url-v1\n";
    private static final Pattern SIGNED = Pattern.compile("([0-9]{1,12})\\.(d?)([0-9]{1,3})\\.([A-Za-z0-9_-]{43})");

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration ttl;

    public MediaUrlSigner(byte[] secret, Clock clock, Duration ttl) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("media URL secret is " + secret.length + " bytes; at least 32 are needed");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("media URL lifetime " + ttl + " is not positive");
        }
        this.ttl = ttl;
    }

    /** A URL for exactly one file of the library ({@code lessons/x/poster.jpg}). */
    public String file(String path) {
        List<String> segments = LibraryPaths.segments(path);
        return url(segments, segments.size(), false);
    }

    /**
     * A URL for {@code file} inside {@code folder}, whose signature also holds for every other
     * file under {@code folder} reached from it by a relative URL.
     */
    public String inFolder(String folder, String file) {
        List<String> base = LibraryPaths.segments(folder);
        List<String> all = LibraryPaths.segments(folder + "/" + file);
        return url(all, base.size(), true);
    }

    /** The folder of a file path ({@code lessons/x} for {@code lessons/x/master.m3u8}). */
    public static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * The library path a signed request names ({@code EXP.DEPTH.SIG/PATH}, what follows
     * {@link #PREFIX}, the path still URL-encoded), or {@link MediaUrlRejected} saying why not.
     */
    public String verify(String signedPath) {
        int slash = signedPath.indexOf('/');
        Matcher m = SIGNED.matcher(slash < 0 ? signedPath : signedPath.substring(0, slash));
        if (slash < 0 || !m.matches()) {
            throw new MediaUrlRejected(MediaUrlRejected.Reason.MALFORMED, "media URL has no valid signature part");
        }
        List<String> segments = LibraryPaths.segments(LibraryPaths.decode(signedPath.substring(slash + 1)));
        boolean folder = !m.group(2).isEmpty();
        int depth = Integer.parseInt(m.group(3));
        long expires = Long.parseLong(m.group(1));
        boolean fits = folder ? depth >= 1 && depth < segments.size() : depth == segments.size();
        byte[] expected = mac(expires, folder, segments.subList(0, Math.min(depth, segments.size())));
        byte[] given = Base64.getUrlDecoder().decode(m.group(4));
        if (!fits || !MessageDigest.isEqual(expected, given)) {
            throw new MediaUrlRejected(MediaUrlRejected.Reason.BAD_SIGNATURE, "media URL signature does not match");
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(expires))) {
            throw new MediaUrlRejected(MediaUrlRejected.Reason.EXPIRED,
                    "media URL expired at " + Instant.ofEpochSecond(expires) + "; reload the page for a fresh one");
        }
        return String.join("/", segments);
    }

    private String url(List<String> segments, int depth, boolean folder) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String sig = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac(expires, folder, segments.subList(0, depth)));
        return PREFIX + expires + "." + (folder ? "d" : "") + depth + "." + sig + "/" + LibraryPaths.encode(segments);
    }

    private byte[] mac(long expires, boolean folder, List<String> scope) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String message = CONTEXT + expires + "\n" + (folder ? "folder" : "file") + "\n" + String.join("/", scope);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
