package io.slotbridge.calendarconnector.google;

/** The result of one call among several: a value, or the failure that ended it. */
public record Outcome<T>(T value, GoogleFailure failure) {

    public static <T> Outcome<T> ok(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> failed(GoogleFailure failure) {
        return new Outcome<>(null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }

    public boolean failedWith(GoogleFailure.Kind kind) {
        return failure != null && failure.kind() == kind;
    }
}
