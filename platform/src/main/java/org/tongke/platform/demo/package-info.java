/**
 * {@code demo}: the whole platform on embedded defaults, with a timetable of a few lessons of the
 * Qingtian sample starting within minutes.
 */
package org.tongke.platform.demo;
