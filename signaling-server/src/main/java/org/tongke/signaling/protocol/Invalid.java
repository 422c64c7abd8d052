package org.tongke.signaling.protocol;

import java.util.Objects;

/**
 * A frame that is no valid client message (or one refused before it reaches the service, such
 * as a message over the rate limit); the sender is told with an error of this code.
 *
 * @param ref the offending message's type when it could be read, else null
 */
public record Invalid(ErrorCode code, String message, String ref) implements Inbound {
    public Invalid {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
