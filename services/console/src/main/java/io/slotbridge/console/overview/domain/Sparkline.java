package io.slotbridge.console.overview.domain;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A tiny line chart as SVG polyline points: one value per minute, scaled so the highest value touches the top. Drawn
 * on the server, so the page needs no charting script.
 */
public record Sparkline(List<Long> values, int width, int height) {

    public Sparkline {
        values = List.copyOf(values);
    }

    public static Sparkline of(List<Long> values) {
        return new Sparkline(values, 120, 24);
    }

    /** The {@code points} attribute of an SVG {@code <polyline>}. */
    public String points() {
        if (values.isEmpty()) {
            return "";
        }
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        double step = values.size() == 1 ? 0 : (double) width / (values.size() - 1);
        StringJoiner points = new StringJoiner(" ");
        for (int i = 0; i < values.size(); i++) {
            double x = i * step;
            // leave a pixel at top and bottom so the stroke is not clipped
            double y = (height - 1) - (double) values.get(i) / max * (height - 2);
            points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return points.toString();
    }

    public long total() {
        return values.stream().mapToLong(Long::longValue).sum();
    }

    public long last() {
        return values.isEmpty() ? 0 : values.get(values.size() - 1);
    }

    public long max() {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
