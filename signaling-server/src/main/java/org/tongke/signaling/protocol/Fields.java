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
}
