/**
 * Problems found in a configuration and where they stand (file, line, field path), collected
 * rather than thrown so that every one is reported at once; {@link
 * org.tongke.config.diagnostic.SourceIndex} keeps the origin of each loaded object so that checks
 * made after loading still name the line.
 */
package org.tongke.config.diagnostic;
