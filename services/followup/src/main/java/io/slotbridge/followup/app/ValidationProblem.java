package io.slotbridge.followup.app;

/** One thing an admin has to fix, keyed by the tenant-file key it concerns. */
public record ValidationProblem(String key, String message) {}
