/**
 * Checks across files made on a loaded county: references between schools, communities and
 * requirements, timetable double bookings, unique ids, lessons that fit the bell schedules, and
 * whether the requirements can reach the yearly targets. {@link
 * org.tongke.config.validate.CountyValidator} is the one entry point: load, check, report all.
 */
package org.tongke.config.validate;
