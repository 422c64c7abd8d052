/** {@code signaling serve}: the command that runs the signaling server. */
package org.tongke.platform.signaling;
