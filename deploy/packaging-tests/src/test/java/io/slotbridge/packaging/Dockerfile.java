package io.slotbridge.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile as its list of instructions: comments and blank lines dropped, backslash continuations joined,
 * keywords upper-cased. Enough of the Dockerfile grammar to check what an image definition promises.
 */
record Dockerfile(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments, int line) {}

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int startLine = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (!pending.isEmpty() && line.startsWith("#")) {
                continue; // comment lines inside a continued instruction are skipped by Docker too
            }
            if (pending.isEmpty()) {
                startLine = i + 1;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String full = pending.toString().strip();
            pending.setLength(0);
            int space = full.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("line " + startLine + ": instruction without arguments: " + full);
            }
            instructions.add(new Instruction(
                    full.substring(0, space).toUpperCase(Locale.ROOT),
                    full.substring(space + 1).strip(),
                    startLine));
        }
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException("the last instruction ends with a line continuation");
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The instructions of the last stage (after the last FROM): what the runtime image is made of. */
    Dockerfile finalStage() {
        int lastFrom = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        return new Dockerfile(instructions.subList(lastFrom, instructions.size()));
    }
}
