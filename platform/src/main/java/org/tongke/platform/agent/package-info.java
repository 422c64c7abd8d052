/** {@code edge-agent run}: the command that runs a recording classroom's agent. */
package org.tongke.platform.agent;
