/**
 * The {@code token issue} subcommand: reads the options and the secret file, mints a token with
 * the signaling server's {@link org.tongke.config.auth.TokenIssuer} and prints it; the token
 * format itself is documented in {@link org.tongke.config.auth}.
 */
package org.tongke.platform.token;
