package org.tongke.signaling.ice;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STUN and TURN servers handed to clients. Immutable.
 *
 * @param stunUrls   {@code stun:} / {@code stuns:} URLs, given as they are
 * @param turnUrls   {@code turn:} / {@code turns:} URLs; they need {@code turnSecret}
 * @param turnSecret coturn's {@code static-auth-secret}, as bytes; null when there is no TURN
 * @param turnTtl    how long a TURN credential is valid from the welcome that carries it
 */
public record IceConfig(List<String> stunUrls, List<String> turnUrls, byte[] turnSecret, Duration turnTtl) {
    /** A school day of lessons on one connection; coturn's own examples use a day. */
    public static final Duration DEFAULT_TURN_TTL = Duration.ofHours(12);
    /** A credential that outlives a week is a standing password, which this scheme means to avoid. */
    public static final Duration MAX_TURN_TTL = Duration.ofDays(7);

    private static final Pattern STUN = Pattern.compile("stuns?:[^\\s]+");
    private static final Pattern TURN = Pattern.compile("turns?:[^\\s]+");
    private static final Pattern SHORT_TTL = Pattern.compile("(\\d{1,7})([smhd])");

    public IceConfig {
        stunUrls = List.copyOf(Objects.requireNonNull(stunUrls, "stunUrls"));
        turnUrls = List.copyOf(Objects.requireNonNull(turnUrls, "turnUrls"));
        Objects.requireNonNull(turnTtl, "turnTtl");
        stunUrls.forEach(u -> check(u, STUN, "a STUN URL is stun:HOST[:PORT] or stuns:HOST[:PORT]"));
        turnUrls.forEach(u -> check(u, TURN, "a TURN URL is turn:HOST[:PORT][?transport=udp|tcp] or turns:..."));
        if (!turnUrls.isEmpty() && turnSecret == null) {
            throw new IllegalArgumentException("TURN URLs need the shared secret of coturn's static-auth-secret");
        }
        if (turnUrls.isEmpty() && turnSecret != null) {
            throw new IllegalArgumentException("a TURN secret without TURN URLs: add the TURN server's URL");
        }
        if (turnTtl.toSeconds() < 60 || turnTtl.compareTo(MAX_TURN_TTL) > 0) {
            throw new IllegalArgumentException("TURN credential lifetime " + turnTtl + " is not 1 minute to 7 days");
        }
        turnSecret = turnSecret == null ? null : turnSecret.clone();
    }

    /** A copy: the secret stays this record's own. */
    @Override
    public byte[] turnSecret() {
        return turnSecret == null ? null : turnSecret.clone();
    }

    /** No STUN, no TURN: clients on one network still connect by their host candidates. */
    public static IceConfig none() {
        return new IceConfig(List.of(), List.of(), null, DEFAULT_TURN_TTL);
    }

    /** The servers for a client whose token names {@code subject}, with TURN credentials valid from {@code now}. */
    public List<IceServer> servers(String subject, Instant now) {
        List<IceServer> servers = new ArrayList<>();
        if (!stunUrls.isEmpty()) {
            servers.add(new IceServer(stunUrls, null, null));
        }
        if (!turnUrls.isEmpty()) {
            String username = TurnCredentials.username(now.plus(turnTtl), subject);
            servers.add(new IceServer(turnUrls, username, TurnCredentials.credential(turnSecret, username)));
        }
        return servers;
    }

    /** A lifetime as typed: {@code 12h}, {@code 90m}, {@code 1d}, or ISO-8601 {@code PT12H}. */
    public static Duration parseTtl(String text) {
        String trimmed = text.strip();
        Matcher m = SHORT_TTL.matcher(trimmed);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a lifetime: write 12h, 90m, 1d or PT12H");
        }
    }

    private static void check(String url, Pattern pattern, String rule) {
        if (url == null || !pattern.matcher(url).matches()) {
            throw new IllegalArgumentException("'" + url + "' is not usable: " + rule);
        }
    }
}
