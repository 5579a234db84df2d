package io.fahuo.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Formatting helpers for the templates ({@code ${@consoleFormat.time(o.paidAt)}}), in the console's time zone. */
@Component("consoleFormat")
class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    ConsoleFormat(ZoneId consoleZone) {
        this.zone = consoleZone;
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    public String fullTime(Instant instant) {
        return instant == null ? "" : FULL.format(instant.atZone(zone));
    }

    public String yuan(long fen) {
        return String.format("¥%d.%02d", fen / 100, Math.abs(fen % 100));
    }
}
