package io.slotbridge.sandbox.bitrix24;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code time} block of every Bitrix24 answer. */
final class BitrixTime {

    private BitrixTime() {}

    /** A method's time: the common fields and the method's {@code operating} / {@code operating_reset_at}. */
    static Map<String, Object> of(Instant start, Instant finish, Map<String, Object> operating) {
        Map<String, Object> time = of(start, finish);
        time.putAll(operating);
        return time;
    }

    /** The outer {@code batch}'s time, which no operating-time limit counts. */
    static Map<String, Object> of(Instant start, Instant finish) {
        // Plain decimals (1724916638.077564), not 1.7E9, and whole-second dates, as Bitrix24 writes them.
        BigDecimal duration = BigDecimal.valueOf(Duration.between(start, finish).toNanos(), 9);
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("start", BigDecimal.valueOf(start.toEpochMilli(), 3));
        time.put("finish", BigDecimal.valueOf(finish.toEpochMilli(), 3));
        time.put("duration", duration);
        time.put("processing", duration);
        time.put(
                "date_start",
                BitrixPortal.DATE_TIME.format(
                        ZonedDateTime.ofInstant(start, BitrixPortal.ZONE).withNano(0)));
        time.put(
                "date_finish",
                BitrixPortal.DATE_TIME.format(
                        ZonedDateTime.ofInstant(finish, BitrixPortal.ZONE).withNano(0)));
        return time;
    }
}
