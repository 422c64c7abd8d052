/**
 * Teaching resources beside the videos (courseware, lesson designs, study guides 导学单,
 * exercises): the type of an uploaded file told from its first bytes, not its name or the
 * browser's word (PDF, PPTX, DOCX, PNG, JPEG); the size limit; the file kept in the library
 * folder; a PDF's first page rendered as a preview image with PDFBox. Everything here blocks on
 * the file system: run it on a worker thread.
 */
package org.tongke.recorder.resource;
