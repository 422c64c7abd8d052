package org.tongke.config.generate;

/** One teacher teaching one subject to one class, so many periods a week. */
record Assignment(String classId, int grade, String subject, int hours, String teacher) {
    Assignment withTeacher(String teacherId) {
        return new Assignment(classId, grade, subject, hours, teacherId);
    }
}
