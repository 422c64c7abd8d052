package org.tongke.signaling.cluster;

import java.time.Instant;
import org.tongke.config.auth.Identity;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;

/**
 * A verified identity as it travels between nodes: the node that checked the token vouches for
 * it, so the room's owner applies the same permissions as to a local session.
 */
public record Who(String subject, String role, String scope, String issuedAt, String expiresAt, String tokenId) {
    public static Who of(Identity identity) {
        return new Who(identity.subject(), identity.role().word(), identity.scope().text(),
                identity.issuedAt().toString(), identity.expiresAt().toString(), identity.tokenId());
    }

    public Identity identity() {
        return new Identity(subject, Role.fromWord(role), Scope.parse(scope), Instant.parse(issuedAt),
                Instant.parse(expiresAt), tokenId);
    }
}
