/**
 * Time as schools live it: the county calendar (校历) of terms, holidays and make-up days (调休),
 * and each school's own bell schedule of numbered periods. Kept apart from the schools because
 * every lesson across schools is placed by comparing these, date by date and minute by minute.
 */
package org.tongke.config.calendar;
