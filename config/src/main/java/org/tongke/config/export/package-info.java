/**
 * The resolved county written as one versioned JSON document ({@code "format": "tongke-county"}),
 * for tools that should not parse the YAML. Enum values keep the keys the YAML uses.
 */
package org.tongke.config.export;
