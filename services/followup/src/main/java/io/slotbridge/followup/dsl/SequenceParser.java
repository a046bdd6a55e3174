package io.slotbridge.followup.dsl;

import io.slotbridge.followup.domain.Sequence;
import io.slotbridge.followup.domain.Step;
import io.slotbridge.followup.domain.StopCondition;
import io.slotbridge.followup.domain.Trigger;
import io.slotbridge.followup.domain.WaitRule;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the follow-up DSL. The YAML is composed into nodes (not objects) so every problem can name its line:
 *
 * <pre>
 * sequences:
 *   B:
 *     title: Клиент не пришёл на встречу
 *     trigger: client-unreachable
 *     steps:
 *       - call-task: Позвонить клиенту
 *       - wait: {same-day-plus: PT2H}
 *       - send-template: Аудио Михаила Николаевича
 *       - wait: {until: next-working-day-at 10:00}
 *       - close-lost: no-contact
 * </pre>
 *
 * All problems of a file are collected before it is rejected, so an admin fixes them in one go.
 */
public final class SequenceParser {

    private static final Set<String> SEQUENCE_KEYS = Set.of("title", "trigger", "steps", "stop-when");
    private static final Set<String> ACTIONS = Set.of("send-template", "call-task", "note", "close-lost", "wait");
    private static final Set<String> WAIT_KEYS = Set.of("until", "plus", "same-day-plus");
    private static final String NEXT_WORKING_DAY_AT = "next-working-day-at";

    private final String source;
    private final Predicate<String> knownTemplate;
    private final List<String> problems = new ArrayList<>();

    private SequenceParser(String source, Predicate<String> knownTemplate) {
        this.source = source;
        this.knownTemplate = knownTemplate;
    }

    /**
     * @param source where the text came from, for messages
     * @param knownTemplate which template names the tenant configured ({@code followup.templates})
     */
    public static Map<String, Sequence> parse(String source, Reader yaml, Predicate<String> knownTemplate) {
        return new SequenceParser(source, knownTemplate).parseFile(yaml);
    }

    public static Map<String, Sequence> parse(String source, String yaml, Predicate<String> knownTemplate) {
        return parse(source, new StringReader(yaml), knownTemplate);
    }

    private Map<String, Sequence> parseFile(Reader yaml) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(yaml);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new SequenceFileException(source, List.of("line " + line + ": not valid YAML: " + e.getProblem()));
        }
        Map<String, Sequence> sequences = new LinkedHashMap<>();
        if (!(root instanceof MappingNode rootMap)) {
            throw new SequenceFileException(source, List.of("line 1: expected a 'sequences:' map"));
        }
        Node sequencesNode = null;
        for (NodeTuple tuple : rootMap.getValue()) {
            String key = scalar(tuple.getKeyNode(), "key");
            if ("sequences".equals(key)) {
                sequencesNode = tuple.getValueNode();
            } else if (key != null) {
                problem(tuple.getKeyNode(), "unknown key '" + key + "' (expected 'sequences')");
            }
        }
        if (!(sequencesNode instanceof MappingNode sequencesMap)
                || sequencesMap.getValue().isEmpty()) {
            problem(sequencesNode == null ? root : sequencesNode, "'sequences' must map sequence names to sequences");
        } else {
            for (NodeTuple tuple : sequencesMap.getValue()) {
                String name = scalar(tuple.getKeyNode(), "sequence name");
                if (name == null) {
                    continue;
                }
                if (sequences.containsKey(name)) {
                    problem(tuple.getKeyNode(), "sequence '" + name + "' is defined twice");
                    continue;
                }
                Sequence sequence = sequence(name, tuple.getKeyNode(), tuple.getValueNode());
                if (sequence != null) {
                    sequences.put(name, sequence);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SequenceFileException(source, problems);
        }
        return sequences;
    }

    private Sequence sequence(String name, Node nameNode, Node node) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "sequence '" + name + "' must be a map with trigger and steps");
            return null;
        }
        if (name.indexOf(':') >= 0 || name.isBlank()) {
            problem(nameNode, "sequence name '" + name + "' must be non-blank and contain no ':'");
        }
        int before = problems.size();
        String title = null;
        Trigger trigger = null;
        List<Step> steps = new ArrayList<>();
        Set<StopCondition> stopWhen = StopCondition.configurable();
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), "key");
            if (key == null) {
                continue;
            }
            if (!seen.add(key)) {
                problem(tuple.getKeyNode(), "'" + key + "' appears twice in sequence '" + name + "'");
                continue;
            }
            Node value = tuple.getValueNode();
            switch (key) {
                case "title" -> title = scalar(value, "title");
                case "trigger" -> trigger = trigger(value);
                case "steps" -> steps = steps(name, value);
                case "stop-when" -> stopWhen = stopWhen(value);
                default ->
                    problem(
                            tuple.getKeyNode(),
                            "unknown key '" + key + "' in sequence '" + name + "' (expected one of "
                                    + sorted(SEQUENCE_KEYS) + ")");
            }
        }
        if (!seen.contains("trigger")) {
            problem(nameNode, "sequence '" + name + "' has no trigger");
        }
        if (!seen.contains("steps")) {
            problem(nameNode, "sequence '" + name + "' has no steps");
        } else if (!steps.isEmpty() && steps.stream().allMatch(s -> s instanceof Step.Wait)) {
            problem(nameNode, "sequence '" + name + "' only waits; it needs at least one step that does something");
        }
        if (problems.size() > before || trigger == null) {
            return null;
        }
        return new Sequence(name, title, trigger, steps, stopWhen);
    }

    private Trigger trigger(Node node) {
        String keyword = scalar(node, "trigger");
        if (keyword == null) {
            return null;
        }
        return Trigger.byKeyword(keyword).orElseGet(() -> {
            problem(
                    node,
                    "unknown trigger '" + keyword + "' (expected one of "
                            + sorted(EnumSet.allOf(Trigger.class).stream()
                                    .map(Trigger::keyword)
                                    .collect(Collectors.toSet()))
                            + ")");
            return null;
        });
    }

    private Set<StopCondition> stopWhen(Node node) {
        Set<StopCondition> conditions = EnumSet.noneOf(StopCondition.class);
        if (!(node instanceof SequenceNode list)) {
            problem(node, "stop-when must be a list, e.g. [client-replied, meeting-scheduled]");
            return conditions;
        }
        for (Node item : list.getValue()) {
            String keyword = scalar(item, "stop condition");
            if (keyword == null) {
                continue;
            }
            StopCondition.byKeyword(keyword)
                    .ifPresentOrElse(
                            conditions::add,
                            () -> problem(
                                    item,
                                    "unknown stop condition '" + keyword + "' (expected one of "
                                            + sorted(StopCondition.configurable().stream()
                                                    .map(StopCondition::keyword)
                                                    .collect(Collectors.toSet()))
                                            + ")"));
        }
        return conditions;
    }

    private List<Step> steps(String sequence, Node node) {
        List<Step> steps = new ArrayList<>();
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
            problem(node, "steps of sequence '" + sequence + "' must be a non-empty list");
            return steps;
        }
        for (Node item : list.getValue()) {
            Step step = step(item);
            if (step != null) {
                steps.add(step);
            }
        }
        return steps;
    }

    private Step step(Node node) {
        if (!(node instanceof MappingNode map) || map.getValue().isEmpty()) {
            problem(node, "a step must be a map such as '- call-task: Позвонить клиенту'");
            return null;
        }
        String action = null;
        Node actionValue = null;
        String label = null;
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), "key");
            if (key == null) {
                continue;
            }
            if ("name".equals(key)) {
                label = scalar(tuple.getValueNode(), "step name");
            } else if (ACTIONS.contains(key)) {
                if (action != null) {
                    problem(tuple.getKeyNode(), "a step does one thing; found both '" + action + "' and '" + key + "'");
                    return null;
                }
                action = key;
                actionValue = tuple.getValueNode();
            } else {
                problem(
                        tuple.getKeyNode(),
                        "unknown step '" + key + "' (expected one of " + sorted(ACTIONS) + ", optionally with name)");
                return null;
            }
        }
        if (action == null) {
            problem(node, "a step needs one of " + sorted(ACTIONS));
            return null;
        }
        if ("wait".equals(action)) {
            WaitRule rule = waitRule(actionValue);
            return rule == null ? null : new Step.Wait(rule, label == null ? "wait " + describe(rule) : label);
        }
        String argument = scalar(actionValue, action);
        if (argument == null) {
            return null;
        }
        if (argument.isBlank()) {
            problem(actionValue, action + " needs a value");
            return null;
        }
        String name = label == null ? action + " " + argument : label;
        return switch (action) {
            case "send-template" -> {
                if (knownTemplate != null && !knownTemplate.test(argument)) {
                    problem(
                            actionValue,
                            "template '" + argument + "' is not configured in followup.templates of this tenant");
                    yield null;
                }
                yield new Step.SendTemplate(argument, name);
            }
            case "call-task" -> new Step.CallTask(argument, name);
            case "note" -> new Step.Note(argument, name);
            case "close-lost" -> new Step.CloseLost(argument, name);
            default -> throw new IllegalStateException(action);
        };
    }

    private WaitRule waitRule(Node node) {
        if (!(node instanceof MappingNode map) || map.getValue().size() != 1) {
            problem(
                    node,
                    "wait needs exactly one of " + sorted(WAIT_KEYS)
                            + ", e.g. {until: next-working-day-at 10:00}, {plus: P2D}, {same-day-plus: PT2H}");
            return null;
        }
        NodeTuple tuple = map.getValue().get(0);
        String key = scalar(tuple.getKeyNode(), "key");
        String value = scalar(tuple.getValueNode(), "wait value");
        if (key == null || value == null) {
            return null;
        }
        Node at = tuple.getValueNode();
        switch (key) {
            case "until" -> {
                if (!value.startsWith(NEXT_WORKING_DAY_AT + " ")) {
                    problem(at, "until must be 'next-working-day-at HH:mm', got '" + value + "'");
                    return null;
                }
                try {
                    return new WaitRule.NextWorkingDayAt(LocalTime.parse(
                            value.substring(NEXT_WORKING_DAY_AT.length()).strip()));
                } catch (DateTimeParseException e) {
                    problem(at, "'" + value + "' has no valid HH:mm time");
                    return null;
                }
            }
            case "plus" -> {
                TemporalAmount amount = amount(at, value);
                return amount == null ? null : new WaitRule.Plus(amount);
            }
            case "same-day-plus" -> {
                TemporalAmount amount = amount(at, value);
                if (amount instanceof Duration duration) {
                    return new WaitRule.SameDayPlus(duration);
                }
                if (amount != null) {
                    problem(at, "same-day-plus takes hours or minutes (PT2H), not days: '" + value + "'");
                }
                return null;
            }
            default -> {
                problem(tuple.getKeyNode(), "unknown wait '" + key + "' (expected one of " + sorted(WAIT_KEYS) + ")");
                return null;
            }
        }
    }

    /** ISO-8601: {@code P2D} are calendar days in the tenant's zone, {@code PT4H} an exact duration. */
    private TemporalAmount amount(Node node, String value) {
        try {
            if (value.contains("T")) {
                Duration duration = Duration.parse(value);
                if (duration.isNegative() || duration.isZero()) {
                    problem(node, "'" + value + "' must be positive");
                    return null;
                }
                return duration;
            }
            Period period = Period.parse(value);
            if (period.isNegative() || period.isZero()) {
                problem(node, "'" + value + "' must be positive");
                return null;
            }
            return period;
        } catch (DateTimeParseException e) {
            problem(node, "'" + value + "' is not an ISO-8601 period or duration such as P2D or PT2H");
            return null;
        }
    }

    private String scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem(node, what + " must be a single value");
        return null;
    }

    private void problem(Node node, String reason) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        problems.add("line " + line + ": " + reason);
    }

    private static String describe(WaitRule rule) {
        if (rule instanceof WaitRule.NextWorkingDayAt n) {
            return "until next working day at " + n.time();
        }
        if (rule instanceof WaitRule.Plus p) {
            return "plus " + p.amount();
        }
        return "same day plus " + ((WaitRule.SameDayPlus) rule).duration();
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }
}
