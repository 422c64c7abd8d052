/**
 * Who a client is: signed tokens naming a role and a scope, minted by {@code token issue} and
 * checked by the signaling server on every connection. Permissions follow from the verified
 * {@link org.tongke.config.auth.Identity}, never from what a client says about itself.
 *
 * <h2>Token format</h2>
 * A JSON Web Token (RFC 7519) in compact form, {@code header.claims.signature}, each part
 * base64url without padding, signed with HS256 (HMAC-SHA256) under one secret shared by the
 * issuer and every signaling node (a file of at least 32 bytes; trailing line ends are not part
 * of it).
 * <pre>
 * header  {"alg":"HS256","typ":"JWT"}
 * claims  {"iss":"tongke",
 *          "sub":"he-yonghui",                        person or agent id; default: the scope text
 *          "role":"lead-teacher",                     lead-teacher | assistant-teacher | classroom-agent | staff
 *          "scope":{"type":"lesson","id":"qt-01-sync-rengong-fenxiao#1"},
 *          "iat":1630893600, "exp":1630936800,        whole seconds since 1970 (UTC)
 *          "jti":"6f1c..."}                           random UUID, one per token
 * </pre>
 * Scope types and their ids (each part starts with a letter or digit of any script, then
 * may hold {@code . _ -} too):
 * {@code county:ID}, {@code school:ID}, {@code classroom:SCHOOL/CLASSROOM},
 * {@code lesson:REQUIREMENT[#N][@DATE]} (a requirement, a weekly lesson or one occurrence, as
 * the scheduler names them). The command line writes a scope as {@code type:id}.
 *
 * <h2>Verification and its codes</h2>
 * In this order; the first failure refuses the token with a
 * {@link org.tongke.config.auth.TokenRejected} whose
 * {@link org.tongke.config.auth.TokenProblem} name is the stable code:
 * <ol>
 * <li>{@code MALFORMED}: empty, longer than 8 KiB, not three base64url segments, header or
 *     claims not a JSON object (duplicate names refused), {@code typ} other than JWT, a
 *     {@code crit} header.</li>
 * <li>{@code UNSUPPORTED_ALGORITHM}: {@code alg} is not exactly {@code HS256} ({@code none}
 *     included); the token never chooses how it is checked.</li>
 * <li>{@code BAD_SIGNATURE}: the HMAC differs (compared in constant time): altered, or signed
 *     with another secret.</li>
 * <li>{@code MALFORMED}: {@code iss} is not {@code tongke}; {@code sub}, {@code jti},
 *     {@code iat}, {@code exp} missing or mistyped; {@code exp} not after {@code iat}.
 *     {@code UNKNOWN_ROLE}: no role or another word. {@code BAD_SCOPE}: no scope object, an
 *     unknown type or an ill-formed id.</li>
 * <li>{@code EXPIRED}: now is at or past {@code exp} plus the allowed clock skew (30 s by
 *     default). {@code NOT_YET_VALID}: {@code iat} (or {@code nbf}, honoured though never
 *     minted) is later than now plus the skew.</li>
 * </ol>
 * Messages are plain English for the client; they never contain the secret and quote
 * untrusted text only shortened, with control characters replaced.
 */
package org.tongke.config.auth;
