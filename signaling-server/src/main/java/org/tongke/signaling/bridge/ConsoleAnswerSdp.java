package org.tongke.signaling.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the bridge needs from a console's SDP answer: its ICE credentials, DTLS
 * fingerprint and role, candidates, and the SSRCs it sends (with their FID groups) in the two
 * {@code sendrecv} sections. The console's sources are named {@code <endpoint>-a0} and
 * {@code <endpoint>-v0}, Jitsi's source names.
 */
public final class ConsoleAnswerSdp {
    /** What one answer says. */
    public record Answer(MediaTransport transport, List<MediaSourceSpec> sources) {
    }

    private ConsoleAnswerSdp() {
    }

    public static Answer read(String endpoint, String sdp) {
        String ufrag = null;
        String pwd = null;
        String setup = "active";
        List<Fingerprint> fingerprints = new ArrayList<>();
        List<IceCandidate> candidates = new ArrayList<>();
        Map<MediaSourceSpec.Kind, List<Long>> ssrcs = new LinkedHashMap<>();
        Map<MediaSourceSpec.Kind, List<MediaSourceSpec.SsrcGroup>> groups = new LinkedHashMap<>();
        MediaSourceSpec.Kind kind = null;
        boolean sending = false;
        int section = -1;
        List<String[]> fingerprintLines = new ArrayList<>();
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                section++;
                kind = line.startsWith("m=audio") ? MediaSourceSpec.Kind.AUDIO : MediaSourceSpec.Kind.VIDEO;
                sending = false;
            } else if (line.startsWith("a=ice-ufrag:") && ufrag == null) {
                ufrag = line.substring("a=ice-ufrag:".length());
            } else if (line.startsWith("a=ice-pwd:") && pwd == null) {
                pwd = line.substring("a=ice-pwd:".length());
            } else if (line.startsWith("a=fingerprint:")) {
                fingerprintLines.add(line.substring("a=fingerprint:".length()).split(" ", 2));
            } else if (line.startsWith("a=setup:")) {
                setup = line.substring("a=setup:".length());
            } else if (line.startsWith("a=candidate:")) {
                IceCandidate c = candidate(line.substring(2));
                if (c != null && !candidates.contains(c)) {
                    candidates.add(c);
                }
            } else if (line.equals("a=sendrecv") || line.equals("a=sendonly")) {
                sending = section <= 1;
            } else if (line.startsWith("a=ssrc-group:") && sending && kind != null) {
                String[] parts = line.substring("a=ssrc-group:".length()).split(" ");
                List<Long> members = new ArrayList<>();
                for (int i = 1; i < parts.length; i++) {
                    members.add(Long.parseLong(parts[i]));
                }
                groups.computeIfAbsent(kind, k -> new ArrayList<>()).add(new MediaSourceSpec.SsrcGroup(parts[0], members));
            } else if (line.startsWith("a=ssrc:") && sending && kind != null) {
                long ssrc = Long.parseLong(line.substring("a=ssrc:".length()).split(" ", 2)[0]);
                List<Long> list = ssrcs.computeIfAbsent(kind, k -> new ArrayList<>());
                if (!list.contains(ssrc)) {
                    list.add(ssrc);
                }
            }
        }
        if (ufrag == null || pwd == null || fingerprintLines.isEmpty()) {
            throw new IllegalArgumentException("the answer of " + endpoint + " lacks "
                    + (ufrag == null ? "a=ice-ufrag" : pwd == null ? "a=ice-pwd" : "a=fingerprint"));
        }
        String dtlsRole = setup;
        fingerprintLines.stream().map(f -> new Fingerprint(f[0], f.length > 1 ? f[1] : "", dtlsRole))
                .distinct().forEach(fingerprints::add);
        List<MediaSourceSpec> sources = new ArrayList<>();
        ssrcs.forEach((k, list) -> sources.add(new MediaSourceSpec(
                endpoint + (k == MediaSourceSpec.Kind.AUDIO ? "-a0" : "-v0"), k, list, groups.getOrDefault(k, List.of()))));
        return new Answer(new MediaTransport(ufrag, pwd, fingerprints, candidates, List.of()), sources);
    }

    /**
     * One candidate from {@code candidate:<foundation> <component> <protocol> <priority> <ip>
     * <port> typ <type> [raddr <a> rport <p>] ...} (the SDP line without {@code a=}, or an
     * {@code RTCIceCandidate}'s {@code candidate}); null for a form the bridge cannot use (mDNS
     * host names are kept: the bridge ignores what it cannot resolve).
     */
    public static IceCandidate candidate(String text) {
        String[] p = text.strip().split("\\s+");
        if (p.length < 8 || !p[0].startsWith("candidate:") || !"typ".equals(p[6])) {
            return null;
        }
        try {
            String relAddr = null;
            int relPort = 0;
            int generation = 0;
            for (int i = 8; i + 1 < p.length; i += 2) {
                switch (p[i]) {
                    case "raddr" -> relAddr = p[i + 1];
                    case "rport" -> relPort = Integer.parseInt(p[i + 1]);
                    case "generation" -> generation = Integer.parseInt(p[i + 1]);
                    default -> { }
                }
            }
            return new IceCandidate(p[0].substring("candidate:".length()), Integer.parseInt(p[1]),
                    p[2].toLowerCase(java.util.Locale.ROOT), Long.parseLong(p[3]), p[4], Integer.parseInt(p[5]), p[7],
                    relAddr, relPort, generation);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
