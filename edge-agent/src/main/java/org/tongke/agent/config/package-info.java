/**
 * The agent's configuration, {@code agent.yaml}: read with the project's YAML reader so that
 * every mistake is named by file, line and field, all of them at once.
 */
package org.tongke.agent.config;
