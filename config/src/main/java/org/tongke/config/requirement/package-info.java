/**
 * What a community asks of the one timetable: lessons across schools (synchronized,
 * dedicated-delivery, master-teacher) with a host class and receiving classes, and teaching
 * research each term. They refer to schools, classes and teachers by id, so they can be checked
 * and solved against the county without owning it.
 */
package org.tongke.config.requirement;
