/** {@code recorder serve}: the command that runs the recorder. */
package org.tongke.platform.recorder;
