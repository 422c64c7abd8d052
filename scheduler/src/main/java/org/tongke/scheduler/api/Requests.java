package org.tongke.scheduler.api;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** The request bodies of the scheduler's API. */
final class Requests {
    private Requests() {
    }

    /** {@code POST /api/solve}: how long to search, and whether to publish the result. */
    record Solve(Integer seconds, Boolean publish) {
        int secondsOrDefault() {
            int s = seconds == null ? 10 : seconds;
            if (s < 1 || s > 600) {
                throw ApiException.badRequest("seconds must be 1 to 600");
            }
            return s;
        }
    }

    /** {@code POST /api/moves}: one weekly lesson to another weekday and start; {@code dryRun} only asks. */
    record Move(String weekly, DayOfWeek day, LocalTime start, Boolean dryRun) {
        Move {
            if (weekly == null || day == null || start == null) {
                throw new IllegalArgumentException("weekly, day and start are required");
            }
        }
    }
}
