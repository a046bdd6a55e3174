package io.slotbridge.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the features deploy/k8s uses: resources
 * (files and directories), configMapGenerator (literals, files, behavior create/merge/replace, content-hash name
 * suffix with the references to it rewritten), strategic-merge patches, images, replicas and namespace. Any other
 * kustomization field fails the render, so a manifest can never rely on something this check silently skipped. The
 * hash suffix is computed differently from kustomize's (the names differ, the behaviour does not).
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of(
            "apiVersion", "kind", "resources", "namespace", "images", "replicas", "configMapGenerator", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");
    private static final String GENERATED = "__generated";

    private Kustomize() {}

    /** Every object of the kustomization in {@code dir}, as plain maps. */
    static List<Map<String, Object>> render(Path dir) {
        List<Map<String, Object>> objects = build(dir);
        nameGeneratedConfigMaps(objects);
        return objects;
    }

    private static List<Map<String, Object>> build(Path dir) {
        Map<String, Object> kustomization = Yaml.map(Repository.yaml(read(dir.resolve("kustomization.yaml"))));
        for (String key : kustomization.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalArgumentException(dir + ": kustomization field " + key + " is not supported here");
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object resource : list(kustomization, "resources")) {
            Path path = dir.resolve((String) resource).normalize();
            objects.addAll(Files.isDirectory(path) ? build(path) : documents(path));
        }
        for (Object generator : list(kustomization, "configMapGenerator")) {
            generate(dir, Yaml.map(generator), objects);
        }
        for (Object patch : list(kustomization, "patches")) {
            patch(dir, Yaml.map(patch), objects);
        }
        for (Object image : list(kustomization, "images")) {
            setImage(Yaml.map(image), objects);
        }
        for (Object replicas : list(kustomization, "replicas")) {
            Map<String, Object> entry = Yaml.map(replicas);
            Map<String, Object> target = find(objects, "Deployment", (String) entry.get("name"));
            Yaml.map(target.get("spec")).put("replicas", entry.get("count"));
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            objects.stream()
                    .filter(o -> !CLUSTER_SCOPED.contains(o.get("kind")))
                    .forEach(o -> metadata(o).put("namespace", namespace));
        }
        return objects;
    }

    private static void generate(Path dir, Map<String, Object> generator, List<Map<String, Object>> objects) {
        String name = (String) generator.get("name");
        Map<String, Object> data = new LinkedHashMap<>();
        for (Object literal : list(generator, "literals")) {
            String text = (String) literal;
            int equals = text.indexOf('=');
            data.put(text.substring(0, equals), text.substring(equals + 1));
        }
        for (Object file : list(generator, "files")) {
            String spec = (String) file;
            int equals = spec.indexOf('=');
            String key = equals < 0 ? Path.of(spec).getFileName().toString() : spec.substring(0, equals);
            Path source =
                    dir.resolve(equals < 0 ? spec : spec.substring(equals + 1)).normalize();
            if (!source.startsWith(dir)) {
                throw new IllegalArgumentException(source + " is outside " + dir + " (kustomize refuses it)");
            }
            data.put(key, read(source));
        }
        String behavior = (String) generator.getOrDefault("behavior", "create");
        Map<String, Object> existing = objects.stream()
                .filter(o -> Boolean.TRUE.equals(o.get(GENERATED))
                        && name.equals(metadata(o).get("name")))
                .findFirst()
                .orElse(null);
        switch (behavior) {
            case "create" -> {
                if (existing != null) {
                    throw new IllegalArgumentException("ConfigMap " + name + " generated twice");
                }
                Map<String, Object> configMap = new LinkedHashMap<>();
                configMap.put("apiVersion", "v1");
                configMap.put("kind", "ConfigMap");
                configMap.put("metadata", new LinkedHashMap<>(Map.of("name", name)));
                configMap.put("data", data);
                configMap.put(GENERATED, true);
                objects.add(configMap);
            }
            case "merge" -> Yaml.map(required(existing, name).get("data")).putAll(data);
            case "replace" -> required(existing, name).put("data", data);
            default -> throw new IllegalArgumentException("behavior " + behavior);
        }
    }

    private static void patch(Path dir, Map<String, Object> entry, List<Map<String, Object>> objects) {
        if (entry.containsKey("target") || !entry.containsKey("path")) {
            throw new IllegalArgumentException("only strategic-merge patch files (path:) are supported: " + entry);
        }
        for (Map<String, Object> patch : documents(dir.resolve((String) entry.get("path")))) {
            Map<String, Object> target = find(objects, (String) patch.get("kind"), (String)
                    metadata(patch).get("name"));
            Map<String, Object> merged = StrategicMerge.apply(target, patch);
            target.clear();
            target.putAll(merged);
        }
    }

    private static void setImage(Map<String, Object> image, List<Map<String, Object>> objects) {
        String name = (String) image.get("name");
        String replacement = image.getOrDefault("newName", name) + ":" + image.get("newTag");
        for (Map<String, Object> workload : objects) {
            if (!WORKLOADS.contains(workload.get("kind"))) {
                continue;
            }
            Map<String, Object> pod = Yaml.path(workload, "spec", "template", "spec");
            for (Object container : list(pod, "containers")) {
                Map<String, Object> c = Yaml.map(container);
                String current = (String) c.get("image");
                String currentName = current.replaceFirst("[:@].*$", "");
                if (currentName.equals(name)) {
                    c.put("image", replacement);
                }
            }
        }
    }

    /** Generated ConfigMaps get a content hash in their name, so changing one rolls the pods that use it. */
    private static void nameGeneratedConfigMaps(List<Map<String, Object>> objects) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Map<String, Object> object : objects) {
            if (object.remove(GENERATED) != null) {
                String name = (String) metadata(object).get("name");
                String hashed = name + "-" + hash(String.valueOf(object.get("data")));
                metadata(object).put("name", hashed);
                renamed.put(name, hashed);
            }
        }
        for (Map<String, Object> workload : objects) {
            if (WORKLOADS.contains(workload.get("kind"))) {
                Map<String, Object> pod = Yaml.path(workload, "spec", "template", "spec");
                for (Object volume : list(pod, "volumes")) {
                    rename(Yaml.map(volume).get("configMap"), renamed);
                }
                for (Object container : list(pod, "containers")) {
                    Map<String, Object> c = Yaml.map(container);
                    for (Object envFrom : list(c, "envFrom")) {
                        rename(Yaml.map(envFrom).get("configMapRef"), renamed);
                    }
                    for (Object env : list(c, "env")) {
                        Object from = Yaml.map(env).get("valueFrom");
                        if (from != null) {
                            rename(Yaml.map(from).get("configMapKeyRef"), renamed);
                        }
                    }
                }
            }
        }
    }

    private static void rename(Object reference, Map<String, String> renamed) {
        if (reference != null) {
            Map<String, Object> ref = Yaml.map(reference);
            ref.put("name", renamed.getOrDefault((String) ref.get("name"), (String) ref.get("name")));
        }
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(o ->
                        kind.equals(o.get("kind")) && name.equals(metadata(o).get("name")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " named " + name + " to change"));
    }

    private static Map<String, Object> required(Map<String, Object> existing, String name) {
        if (existing == null) {
            throw new IllegalArgumentException("no generated ConfigMap " + name + " to merge into or replace");
        }
        return existing;
    }

    static Map<String, Object> metadata(Map<String, Object> object) {
        return Yaml.map(object.get("metadata"));
    }

    private static List<Object> list(Map<String, Object> node, String key) {
        Object value = node.get(key);
        return value == null ? List.of() : Yaml.list(value);
    }

    private static List<Map<String, Object>> documents(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new org.yaml.snakeyaml.Yaml(options).loadAll(read(file))) {
            if (document != null) {
                documents.add(Yaml.map(document));
            }
        }
        return documents;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
