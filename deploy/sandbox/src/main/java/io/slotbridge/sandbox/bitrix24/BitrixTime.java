package io.slotbridge.sandbox.bitrix24;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code time} block of every Bitrix24 answer. */
final class BitrixTime {

    private BitrixTime() {}

    static Map<String, Object> of(Instant start, Instant finish) {
        double duration = Duration.between(start, finish).toNanos() / 1e9;
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("start", start.toEpochMilli() / 1000.0);
        time.put("finish", finish.toEpochMilli() / 1000.0);
        time.put("duration", duration);
        time.put("processing", duration);
        time.put("date_start", BitrixPortal.DATE_TIME.format(ZonedDateTime.ofInstant(start, BitrixPortal.ZONE)));
        time.put("date_finish", BitrixPortal.DATE_TIME.format(ZonedDateTime.ofInstant(finish, BitrixPortal.ZONE)));
        time.put("operating_reset_at", finish.getEpochSecond() + 600);
        time.put("operating", 0);
        return time;
    }
}
