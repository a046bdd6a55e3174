package io.slotbridge.followup.config;

import io.slotbridge.followup.domain.TemplateSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Reads {@code slotbridge.tenants.<tenant>.followup.templates.<name>.*} with the template names exactly as written
 * ({@code Аудио Михаила Николаевича}). Spring's binder keeps only {@code a-z0-9-} in unbracketed map keys, so the
 * names are taken from the property sources directly; the first source that defines a template wins, as in Spring.
 */
public final class TenantTemplatesReader {

    private static final Pattern FIELD = Pattern.compile("^(.+)\\.(template-id|text)$");
    private static final Pattern VALUE = Pattern.compile("^(.+)\\.values\\[(\\d+)]$");

    private TenantTemplatesReader() {}

    public static Map<String, TemplateSpec> read(ConfigurableEnvironment environment, String tenant) {
        String prefix = "slotbridge.tenants." + tenant + ".followup.templates.";
        Map<String, Fields> byName = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            Map<String, Fields> fromThisSource = new LinkedHashMap<>();
            for (String property : enumerable.getPropertyNames()) {
                if (property.startsWith(prefix)) {
                    // read from the source itself: the environment would look the name up through Spring's
                    // canonical (a-z0-9-) form, where all Russian names collapse into one
                    Object raw = enumerable.getProperty(property);
                    String value = raw == null ? null : environment.resolvePlaceholders(raw.toString());
                    collect(fromThisSource, property.substring(prefix.length()), value);
                }
            }
            fromThisSource.forEach(byName::putIfAbsent);
        }
        Map<String, TemplateSpec> templates = new LinkedHashMap<>();
        byName.forEach((name, fields) -> templates.put(
                name,
                new TemplateSpec(
                        name,
                        fields.templateId,
                        fields.text,
                        fields.values.values().stream().toList())));
        return templates;
    }

    private static void collect(Map<String, Fields> templates, String rest, String value) {
        Matcher field = FIELD.matcher(rest);
        Matcher element = VALUE.matcher(rest);
        if (field.matches()) {
            Fields fields = templates.computeIfAbsent(unbracket(field.group(1)), k -> new Fields());
            if ("template-id".equals(field.group(2))) {
                fields.templateId = value;
            } else {
                fields.text = value;
            }
        } else if (element.matches()) {
            templates
                    .computeIfAbsent(unbracket(element.group(1)), k -> new Fields())
                    .values
                    .put(Integer.parseInt(element.group(2)), value);
        } else {
            // "Первое сообщение: ''": a template named but not filled in
            templates.computeIfAbsent(unbracket(rest), k -> new Fields());
        }
    }

    private static String unbracket(String key) {
        return key.startsWith("[") && key.endsWith("]") ? key.substring(1, key.length() - 1) : key;
    }

    private static final class Fields {
        String templateId;
        String text;
        final TreeMap<Integer, String> values = new TreeMap<>();
    }
}
