package io.slotbridge.packaging;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Binds rendered manifests to the fabric8 Kubernetes object model and rejects anything the model does not know:
 * fabric8 keeps unknown fields in {@code additionalProperties} instead of failing, so every nested object is walked
 * and any such leftover (a misspelt or misplaced field, which the API server would drop or refuse) is an error.
 */
final class KubernetesModel {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private KubernetesModel() {}

    /** The typed object, or an error naming every field the Kubernetes API does not have. */
    static HasMetadata bind(Map<String, Object> manifest) {
        HasMetadata object = SERIALIZATION.unmarshal(SERIALIZATION.asJson(manifest));
        if (!(object instanceof GenericKubernetesResource)) {
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(object, object.getKind(), unknown);
            if (!unknown.isEmpty()) {
                throw new AssertionError(object.getKind() + " "
                        + object.getMetadata().getName() + ": fields unknown to the Kubernetes API: " + unknown);
            }
        }
        return object;
    }

    private static void collectUnknownFields(Object node, String path, List<String> unknown) {
        if (node == null || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            String child = path + "." + decapitalize(getter.getName().substring(3));
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else if (value instanceof Collection<?> items) {
                items.forEach(item -> collectUnknownFields(item, child + "[]", unknown));
            } else if (value instanceof Map<?, ?> map) {
                map.values().forEach(item -> collectUnknownFields(item, child + "{}", unknown));
            } else {
                collectUnknownFields(value, child, unknown);
            }
        }
    }

    private static Object invoke(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " failed", e);
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
