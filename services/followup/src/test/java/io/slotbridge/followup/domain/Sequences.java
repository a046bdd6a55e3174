package io.slotbridge.followup.domain;

import io.slotbridge.followup.dsl.SequenceParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The shipped default sequences, parsed the way the service parses them. */
public final class Sequences {

    private Sequences() {}

    public static Map<String, Sequence> defaults() {
        try (InputStream in = Sequences.class.getResourceAsStream("/followup/default-sequences.yml")) {
            return SequenceParser.parse(
                    "default-sequences.yml", new InputStreamReader(in, StandardCharsets.UTF_8), name -> true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
