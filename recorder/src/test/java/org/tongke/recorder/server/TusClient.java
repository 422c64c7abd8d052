package org.tongke.recorder.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.recorder.ingest.SegmentKey;
import org.tongke.recorder.ingest.UploadMetadata;

/** A plain tus 1.0 client over the JDK's HTTP client, speaking as one token. */
final class TusClient {
    static final byte[] SECRET = "a-test-secret-that-is-long-enough-for-hs256!".getBytes();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    TusClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    static String agentToken(String classroom) {
        return new TokenIssuer(SECRET, Clock.systemUTC()).issue(Role.CLASSROOM_AGENT,
                new Scope(Scope.Type.CLASSROOM, classroom), "agent-" + classroom, Duration.ofHours(1));
    }

    static String staffToken() {
        return new TokenIssuer(SECRET, Clock.systemUTC()).issue(Role.STAFF, new Scope(Scope.Type.COUNTY, "qingtian"),
                "staff-1", Duration.ofHours(1));
    }

    static UploadMetadata metadata(String lesson, String classroom, String source, int segment, byte[] content) {
        return new UploadMetadata(new SegmentKey(lesson, classroom, source, segment), segment + ".mp4", sha256Hex(content));
    }

    HttpResponse<String> create(UploadMetadata metadata, long length) {
        return send(request("/api/uploads/").header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", metadata.header()).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> head(String location) {
        return send(request(location).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> patch(String location, long offset, byte[] chunk, String checksum) {
        return patch(location, offset, chunk, checksum, null);
    }

    HttpResponse<String> patch(String location, long offset, byte[] chunk, String checksum, String blockChecksums) {
        HttpRequest.Builder b = request(location).header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk));
        if (checksum != null) {
            b.header("Upload-Checksum", checksum);
        }
        if (blockChecksums != null) {
            b.header("Upload-Block-Checksums", blockChecksums);
        }
        return send(b);
    }

    HttpResponse<String> delete(String location) {
        return send(request(location).DELETE());
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Creates and sends the whole file in one PATCH; answers the upload's location. */
    String upload(UploadMetadata metadata, byte[] content) {
        HttpResponse<String> created = create(metadata, content.length);
        if (created.statusCode() != 201) {
            throw new AssertionError("create answered " + created.statusCode() + ": " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> patched = patch(location, 0, content, "sha256 " + base64(digest("SHA-256", content)));
        if (patched.statusCode() != 204) {
            throw new AssertionError("patch answered " + patched.statusCode() + ": " + patched.body());
        }
        return location;
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Tus-Resumable", "1.0.0");
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of {@code Upload-Block-Checksums} for {@code content} in blocks of {@code block} bytes. */
    static String blockChecksums(String algorithm, int block, byte[] content) {
        StringBuilder digests = new StringBuilder();
        for (int at = 0; at < content.length; at += block) {
            byte[] piece = java.util.Arrays.copyOfRange(content, at, Math.min(content.length, at + block));
            digests.append(digests.length() == 0 ? "" : ",").append(base64(digest(algorithm.equals("sha1") ? "SHA-1" : "SHA-256", piece)));
        }
        return algorithm + " " + block + " " + digests;
    }

    static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(digest("SHA-256", content));
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
