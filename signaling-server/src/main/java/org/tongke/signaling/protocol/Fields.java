package org.tongke.signaling.protocol;

/** Checks for the records' compact constructors; the codec turns their messages into BAD_MESSAGE. */
final class Fields {
    private Fields() {
    }

    static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return value;
    }

    static String text(String value, String name, int maxLength) {
        require(value, name);
        if (value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException("field '" + name + "' must be 1 to " + maxLength + " characters");
        }
        return value;
    }

    /** Null, or text of 1 to {@code maxLength} characters. */
    static String optionalText(String value, String name, int maxLength) {
        return value == null ? null : text(value, name, maxLength);
    }

    static long range(Long value, String name, long min, long max) {
        require(value, name);
        if (value < min || value > max) {
            throw new IllegalArgumentException("field '" + name + "' must be " + min + " to " + max);
        }
        return value;
    }

    static String oneOf(String value, String name, java.util.Set<String> allowed) {
        require(value, name);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("field '" + name + "' must be one of "
                    + new java.util.TreeSet<>(allowed));
        }
        return value;
    }

    /** Null, or an ISO-8601 date-time with offset ({@code 2021-11-24T13:31:00+08:00}). */
    static String optionalDateTime(String value, String name) {
        if (value == null) {
            return null;
        }
        text(value, name, 40);
        try {
            java.time.OffsetDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("field '" + name + "' must be a date-time with offset, such as "
                    + "2021-11-24T13:31:00+08:00");
        }
        return value;
    }

    static <T> java.util.List<T> list(java.util.List<T> value, String name, int max) {
        require(value, name);
        if (value.size() > max) {
            throw new IllegalArgumentException("field '" + name + "' has more than " + max + " entries");
        }
        for (T item : value) {
            if (item == null) {
                throw new IllegalArgumentException("field '" + name + "' has a null entry");
            }
        }
        return java.util.List.copyOf(value);
    }
}
