/**
 * Recording with JavaCV: every source of the classroom on its own thread, stream copy when the
 * source is already H.264 (with AAC or no sound) and encoding (libx264, AAC) when it is raw, in
 * segments that are renamed from {@code .part} only when closed whole, a failed source reopened
 * with backoff and its gap written into the lesson's manifest.
 */
package org.tongke.agent.capture;
