package org.tongke.agent.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The few tus 1.0 requests the agent makes (creation, HEAD, PATCH with {@code Upload-Checksum}
 * and the recorder's {@code Upload-Block-Checksums}, termination) and the recorder's
 * confirmation and manifest calls, on java.net.http. Every PATCH body goes through the
 * {@link RateLimiter}; {@link #bytesSent} counts what was handed to the connection.
 */
public final class TusClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TUS = "1.0.0";
    private static final int PIECE = 16 * 1024;
    /** A cut costs the recorder at most one block: 16 KiB is 65 ms of a 2 Mbit/s link, for 29 bytes of header. */
    static final int BLOCK = 16 * 1024;
    /** The recorder takes at most 128 blocks per PATCH; 64 keeps the header under 2 KB. */
    static final int MAX_BLOCKS = 64;

    /** An answer the recorder gave that the caller handles (a status other than the expected one). */
    public static final class Refused extends IOException {
        private final int status;

        Refused(int status, String what) {
            super(what + " answered " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** A segment the recorder holds for good. */
    public record Stored(String source, int segment, long bytes, String sha256, String state) {
    }

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final RateLimiter limiter;
    private final AtomicLong bytesSent = new AtomicLong();

    public TusClient(URI base, String token, RateLimiter limiter) {
        this.base = base;
        this.token = token;
        this.limiter = limiter;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public long bytesSent() {
        return bytesSent.get();
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Tus-Resumable", TUS)
                .timeout(Duration.ofSeconds(30));
    }

    /** POST: creates the upload (or finds the one created before) and answers its absolute URL. */
    public String create(Map<String, String> metadata, long length) throws IOException, InterruptedException {
        HttpRequest req = request(base.resolve("/api/uploads/")).header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", metadata(metadata)).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 201 && res.statusCode() != 200) {
            throw new Refused(res.statusCode(), "creating an upload (" + res.body() + ")");
        }
        String location = res.headers().firstValue("Location")
                .orElseThrow(() -> new IOException("creation answered no Location"));
        return base.resolve(location).toString();
    }

    /** HEAD: the offset the recorder holds. */
    public long offset(String url) throws IOException, InterruptedException {
        HttpRequest req = request(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<Void> res = http.send(req, HttpResponse.BodyHandlers.discarding());
        if (res.statusCode() != 200 && res.statusCode() != 204) {
            throw new Refused(res.statusCode(), "HEAD " + url);
        }
        return Long.parseLong(res.headers().firstValue("Upload-Offset")
                .orElseThrow(() -> new IOException("HEAD answered no Upload-Offset")));
    }

    /**
     * PATCH one chunk at {@code offset} with its SHA-1 and the SHA-1 of each of its blocks
     * ({@code Upload-Block-Checksums}), so that a cut costs the recorder at most the block in
     * flight, not the chunk; the new offset.
     */
    public long patch(String url, long offset, byte[] chunk, int length) throws IOException, InterruptedException {
        String checksum = "sha1 " + Base64.getEncoder().encodeToString(sha1(chunk, 0, length));
        long rate = limiter.bytesPerSecond();
        long seconds = rate == Long.MAX_VALUE ? 30 : Math.max(30, 3L * length / rate);
        HttpRequest req = request(URI.create(url)).timeout(Duration.ofSeconds(seconds))
                .header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", Long.toString(offset)).header("Upload-Checksum", checksum)
                .header("Upload-Block-Checksums", blockChecksums(chunk, length))
                .method("PATCH", HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new Throttled(chunk, length)), length))
                .build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 204) {
            throw new Refused(res.statusCode(), "PATCH at " + offset + " (" + res.body() + ")");
        }
        return Long.parseLong(res.headers().firstValue("Upload-Offset")
                .orElseThrow(() -> new IOException("PATCH answered no Upload-Offset")));
    }

    /** What the recorder holds for good of a lesson from this classroom. */
    public List<Stored> stored(String lesson, String classroom) throws IOException, InterruptedException {
        URI uri = base.resolve("/api/ingest/segments?lesson=" + URLEncoder.encode(lesson, StandardCharsets.UTF_8)
                + "&classroom=" + URLEncoder.encode(classroom, StandardCharsets.UTF_8));
        HttpResponse<String> res = http.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new Refused(res.statusCode(), "GET " + uri);
        }
        List<Stored> result = new ArrayList<>();
        for (JsonNode s : JSON.readTree(res.body()).path("segments")) {
            result.add(new Stored(s.path("source").asText(), s.path("segment").asInt(), s.path("bytes").asLong(),
                    s.path("sha256").asText(), s.path("state").asText()));
        }
        return result;
    }

    /** PUT the lesson's manifest. */
    public void manifest(String lesson, String classroom, String json) throws IOException, InterruptedException {
        String[] room = classroom.split("/", 2);
        URI uri = base.resolve("/api/ingest/lessons/" + URLEncoder.encode(lesson, StandardCharsets.UTF_8).replace("+", "%20")
                + "/classrooms/" + room[0] + "/" + room[1] + "/manifest");
        HttpRequest req = request(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() / 100 != 2) {
            throw new Refused(res.statusCode(), "PUT " + uri + " (" + res.body() + ")");
        }
    }

    static String metadata(Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        for (var e : values.entrySet()) {
            parts.add(e.getKey() + " " + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        return String.join(",", parts);
    }

    static Map<String, String> metadata(String lesson, String classroom, String source, int segment, String filename,
                                        String sha256) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lesson", lesson);
        m.put("classroom", classroom);
        m.put("source", source);
        m.put("segment", Integer.toString(segment));
        m.put("filename", filename);
        m.put("sha256", sha256);
        return m;
    }

    /** The block size for a chunk: {@link #BLOCK}, doubled while the chunk would have more than {@link #MAX_BLOCKS}. */
    static int blockSize(int length) {
        int block = BLOCK;
        while ((length + block - 1) / block > MAX_BLOCKS) {
            block *= 2;
        }
        return block;
    }

    /** {@code sha1 BLOCKSIZE base64,base64,...}: one digest per block of the chunk, the last one shorter. */
    static String blockChecksums(byte[] chunk, int length) {
        int block = blockSize(length);
        StringBuilder out = new StringBuilder("sha1 ").append(block).append(' ');
        for (int at = 0; at < length; at += block) {
            out.append(at == 0 ? "" : ",").append(Base64.getEncoder().encodeToString(sha1(chunk, at, Math.min(block, length - at))));
        }
        return out.toString();
    }

    private static byte[] sha1(byte[] data, int from, int length) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-1");
            d.update(data, from, length);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chunk's bytes, a piece at a time as the rate allows. */
    private final class Throttled extends InputStream {
        private final byte[] data;
        private final int length;
        private int pos;

        Throttled(byte[] data, int length) {
            this.data = data;
            this.length = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= length) {
                return -1;
            }
            int n = Math.min(Math.min(len, PIECE), length - pos);
            try {
                limiter.take(n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("upload interrupted");
            }
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            bytesSent.addAndGet(n);
            return n;
        }
    }
}
