/**
 * One school as it is configured: stage and setting, classes, teachers and when they cannot
 * teach, classrooms with their edge agents, and the existing weekly timetable. Ids here are
 * unique within the school only, so other packages name a class or teacher by school and id.
 */
package org.tongke.config.school;
