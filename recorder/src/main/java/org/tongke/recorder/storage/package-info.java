/**
 * The library's media storage behind one interface ({@link org.tongke.recorder.storage.MediaStorage}),
 * so object storage can follow the local folder. An archive is written in a staging area and
 * published whole: readers see all of it or nothing, and a published archive is never rewritten.
 */
package org.tongke.recorder.storage;
