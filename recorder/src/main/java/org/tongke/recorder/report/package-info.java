/**
 * The delivered-lesson report: for each pairing of a community (core school and member) and
 * each subject, the lessons the plan holds over a term against those delivered (archived in the library, or held
 * live in a lesson room the signaling server reported, counted once), and
 * the research sessions, set against the yearly targets of the community's type (seed 003:
 * merged and co-built pairings at least 20 synchronized lessons in at least 2 subjects, 8
 * online and 4 offline research sessions). As JSON, as CSV for Excel (UTF-8 with a byte order
 * mark, so Chinese shows) and on a page.
 */
package org.tongke.recorder.report;
