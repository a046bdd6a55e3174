package io.slotbridge.packaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes strategic merge patch, for the fields our manifests patch: mappings merge key by key ({@code null}
 * deletes), lists of named things (containers, env, volumes, mounts, ports) merge element by element on their merge
 * key, every other list is replaced. Patch directives ({@code $patch}, {@code $setElementOrder}) are refused rather
 * than silently ignored.
 */
final class StrategicMerge {

    /** Fields whose list elements are merged by name, as the Kubernetes API declares for them. */
    private static final Set<String> MERGED_BY_NAME =
            Set.of("containers", "initContainers", "env", "volumes", "imagePullSecrets");

    private StrategicMerge() {}

    static Map<String, Object> apply(Map<String, Object> original, Map<String, Object> patch) {
        return mergeMaps(original, patch);
    }

    private static Map<String, Object> mergeMaps(Map<String, Object> original, Map<String, Object> patch) {
        Map<String, Object> merged = new LinkedHashMap<>(original);
        patch.forEach((key, value) -> {
            if (key.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + key + " is not supported by this renderer");
            }
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, merge(key, merged.get(key), value));
            }
        });
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Object merge(String field, Object original, Object patch) {
        if (original instanceof Map<?, ?> originalMap && patch instanceof Map<?, ?> patchMap) {
            return mergeMaps((Map<String, Object>) originalMap, (Map<String, Object>) patchMap);
        }
        if (original instanceof List<?> originalList && patch instanceof List<?> patchList) {
            String mergeKey = mergeKey(field, patchList);
            if (mergeKey != null) {
                return mergeLists((List<Object>) originalList, (List<Object>) patchList, mergeKey);
            }
        }
        return patch;
    }

    private static String mergeKey(String field, List<?> patch) {
        if (MERGED_BY_NAME.contains(field)) {
            return "name";
        }
        if (field.equals("volumeMounts")) {
            return "mountPath";
        }
        if (field.equals("ports") && !patch.isEmpty() && patch.get(0) instanceof Map<?, ?> first) {
            return first.containsKey("containerPort") ? "containerPort" : "port";
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> mergeLists(List<Object> original, List<Object> patch, String key) {
        List<Object> merged = new ArrayList<>(original);
        for (Object element : patch) {
            Map<String, Object> patchElement = (Map<String, Object>) element;
            Object id = patchElement.get(key);
            int index = -1;
            for (int i = 0; i < merged.size(); i++) {
                if (merged.get(i) instanceof Map<?, ?> candidate && id != null && id.equals(candidate.get(key))) {
                    index = i;
                }
            }
            if (index < 0) {
                merged.add(patchElement);
            } else {
                merged.set(index, mergeMaps((Map<String, Object>) merged.get(index), patchElement));
            }
        }
        return merged;
    }
}
