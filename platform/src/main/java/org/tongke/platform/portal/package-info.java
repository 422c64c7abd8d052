/**
 * The portal: one page from which staff and teachers reach every part of the platform: the one
 * timetable, the classrooms and their devices live, the lessons in progress (join as lead
 * teacher, rural room or observer), the library and the delivered-lesson report. It gathers what
 * it shows from each component's own API and links to the pages each component serves.
 */
package org.tongke.platform.portal;
