package io.slotbridge.console.common;

import java.sql.Timestamp;
import java.time.Instant;

/** Null-safe conversions between JDBC timestamps and instants. */
public final class SqlTimes {

    private SqlTimes() {}

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
