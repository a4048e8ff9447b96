package dev.jobsuccess.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

/**
 * Renders a Kustomize directory as {@code kubectl kustomize} would, for the small subset of Kustomize that
 * deploy/kubernetes uses: kubectl and kustomize are not installed here, and the manifests must be checked anyway.
 * Anything outside the subset fails the rendering rather than being half-understood. The subset:
 * <ul>
 * <li>{@code apiVersion: kustomize.config.k8s.io/v1beta1}, {@code kind: Kustomization};</li>
 * <li>{@code resources}: YAML files inside the kustomization's directory (one or more documents) and directories that
 * hold a kustomization.yaml (rendered first, recursively); no URLs;</li>
 * <li>{@code secretGenerator}: {@code name} and {@code literals} only (a Secret of type Opaque, values base64), with
 * {@code generatorOptions: {disableNameSuffixHash: true}}, required: the renderer neither computes Kustomize's name
 * hash nor rewrites the references to a hashed name;</li>
 * <li>{@code patches}: entries with a {@code path} only (no target, no inline patch) to strategic-merge patches, one or
 * more documents each naming its object by apiVersion, kind and metadata.name. Maps merge, a null value deletes the
 * key; lists merge by the Kubernetes merge key for the lists in {@link #MERGE_KEYS} only, and any other list in a patch
 * is refused, as are {@code $patch} and other directives;</li>
 * <li>{@code namespace}: set as metadata.namespace of every object but a Namespace, and a Namespace object must then
 * be named as it;</li>
 * <li>{@code images}: {@code name} with {@code newName}, {@code newTag} and/or {@code digest}, applied to the
 * containers and initContainers of pod templates.</li>
 * </ul>
 * In Kustomize's order: resources, generators, patches, namespace, images. Two objects with the same apiVersion, kind,
 * namespace and name fail, as in Kustomize.
 */
final class Kustomize {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "secretGenerator",
            "generatorOptions", "patches", "namespace", "images");

    /** The lists a strategic-merge patch may hold, by field name, with their Kubernetes merge key (PodSpec, Container). */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "volumes", "name", "env", "name", "volumeMounts", "mountPath");

    /** Kinds without a namespace; any other kind gets the kustomization's namespace. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PriorityClass", "StorageClass", "PersistentVolume");

    private Kustomize() {
    }

    static List<Map<String, Object>> render(Path directory) throws IOException {
        return render(directory, new HashSet<>());
    }

    private static List<Map<String, Object>> render(Path directory, Set<Path> visiting) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        if (!visiting.add(dir)) {
            throw new IllegalArgumentException("a kustomization includes itself: " + dir);
        }
        Path file = dir.resolve("kustomization.yaml");
        Map<String, Object> k = map(new Yaml().load(Files.readString(file)), file.toString());
        for (String field : k.keySet()) {
            require(FIELDS.contains(field), file + ": the renderer does not implement the field '" + field + "'");
        }
        require("kustomize.config.k8s.io/v1beta1".equals(k.get("apiVersion")) && "Kustomization".equals(k.get("kind")),
                file + ": apiVersion kustomize.config.k8s.io/v1beta1, kind Kustomization");

        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object entry : list(k.get("resources"), file + " resources")) {
            String name = string(entry, file + " resources");
            require(!name.contains("://"), file + ": remote resources are not implemented: " + name);
            Path resource = dir.resolve(name).normalize();
            if (Files.isDirectory(resource)) {
                objects.addAll(render(resource, visiting));
            } else {
                require(resource.startsWith(dir), file + ": a resource file outside the kustomization's directory: " + name);
                objects.addAll(documents(resource));
            }
        }
        objects.addAll(generateSecrets(k, file));
        for (Object entry : list(k.get("patches"), file + " patches")) {
            Map<String, Object> patch = map(entry, file + " patches");
            require(patch.keySet().equals(Set.of("path")), file + ": only patches with a path alone are implemented: " + patch);
            for (Map<String, Object> doc : documents(dir.resolve(string(patch.get("path"), file + " patch path")))) {
                Map<String, Object> target = theOne(objects, doc, file);
                Map<String, Object> patched = merge(target, doc, "");
                objects.set(objects.indexOf(target), patched);
            }
        }
        if (k.containsKey("namespace")) {
            String namespace = string(k.get("namespace"), file + " namespace");
            for (Map<String, Object> o : objects) {
                if (CLUSTER_SCOPED.contains(String.valueOf(o.get("kind")))) {
                    require(!"Namespace".equals(o.get("kind")) || namespace.equals(name(o)),
                            file + ": a Namespace object named other than the namespace is not implemented: " + name(o));
                } else {
                    map(o.computeIfAbsent("metadata", x -> new LinkedHashMap<>()), "metadata").put("namespace", namespace);
                }
            }
        }
        for (Object entry : list(k.get("images"), file + " images")) {
            Map<String, Object> image = map(entry, file + " images");
            require(image.containsKey("name") && Set.of("name", "newName", "newTag", "digest").containsAll(image.keySet()),
                    file + ": images entries have name and newName, newTag or digest: " + image);
            for (Map<String, Object> o : objects) {
                setImage(o, image);
            }
        }
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> o : objects) {
            require(ids.add(id(o)), file + ": two objects " + id(o));
        }
        visiting.remove(dir);
        return objects;
    }

    private static List<Map<String, Object>> generateSecrets(Map<String, Object> k, Path file) {
        List<Object> generators = list(k.get("secretGenerator"), file + " secretGenerator");
        if (generators.isEmpty()) {
            require(!k.containsKey("generatorOptions"), file + ": generatorOptions without a generator");
            return List.of();
        }
        require(Map.of("disableNameSuffixHash", true).equals(k.get("generatorOptions")),
                file + ": generatorOptions must be exactly {disableNameSuffixHash: true} (the name hash is not implemented)");
        List<Map<String, Object>> secrets = new ArrayList<>();
        for (Object entry : generators) {
            Map<String, Object> g = map(entry, file + " secretGenerator");
            require(g.keySet().equals(Set.of("name", "literals")), file + ": only secretGenerator name and literals are implemented: " + g.keySet());
            Map<String, Object> data = new LinkedHashMap<>();
            for (Object literal : list(g.get("literals"), file + " literals")) {
                String s = string(literal, file + " literals");
                int eq = s.indexOf('=');
                require(eq > 0, file + ": a literal is KEY=value: " + s);
                require(data.put(s.substring(0, eq), Base64.getEncoder().encodeToString(
                        s.substring(eq + 1).getBytes(StandardCharsets.UTF_8))) == null, file + ": key twice: " + s);
            }
            Map<String, Object> secret = new LinkedHashMap<>();
            secret.put("apiVersion", "v1");
            secret.put("kind", "Secret");
            secret.put("metadata", new LinkedHashMap<>(Map.of("name", string(g.get("name"), file + " secretGenerator name"))));
            secret.put("type", "Opaque");
            secret.put("data", data);
            secrets.add(secret);
        }
        return secrets;
    }

    @SuppressWarnings("unchecked")
    private static void setImage(Map<String, Object> o, Map<String, Object> image) {
        if (!(o.get("spec") instanceof Map<?, ?> spec && spec.get("template") instanceof Map<?, ?> template
                && template.get("spec") instanceof Map<?, ?> pod)) {
            return;
        }
        for (String field : List.of("initContainers", "containers")) {
            for (Object c : (List<Object>) ((Map<String, Object>) pod).getOrDefault(field, List.of())) {
                Map<String, Object> container = (Map<String, Object>) c;
                String ref = String.valueOf(container.get("image"));
                int at = ref.indexOf('@');
                String withoutDigest = at < 0 ? ref : ref.substring(0, at);
                int colon = withoutDigest.lastIndexOf(':');
                String name = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
                String tag = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(colon) : "";
                String digest = at < 0 ? "" : ref.substring(at);
                if (!name.equals(image.get("name"))) {
                    continue;
                }
                if (image.containsKey("newName")) {
                    name = String.valueOf(image.get("newName"));
                }
                if (image.containsKey("newTag")) {
                    tag = ":" + image.get("newTag");
                    digest = "";
                }
                if (image.containsKey("digest")) {
                    tag = "";
                    digest = "@" + image.get("digest");
                }
                container.put("image", name + tag + digest);
            }
        }
    }

    private static Map<String, Object> theOne(List<Map<String, Object>> objects, Map<String, Object> patch, Path file) {
        List<Map<String, Object>> matches = objects.stream()
                .filter(o -> Objects.equals(o.get("apiVersion"), patch.get("apiVersion")) && Objects.equals(o.get("kind"), patch.get("kind"))
                        && Objects.equals(name(o), name(patch)))
                .toList();
        require(matches.size() == 1, file + ": a patch must name exactly one object, " + id(patch) + " names " + matches.size());
        return matches.getFirst();
    }

    /** A strategic merge of {@code patch} into {@code target} (a new map; the target is not changed). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> target, Map<String, Object> patch, String path) {
        Map<String, Object> result = new LinkedHashMap<>(target);
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String key = e.getKey();
            String here = path + "/" + key;
            require(!key.startsWith("$"), "patch directives are not implemented: " + here);
            Object value = e.getValue();
            Object current = target.get(key);
            if (value == null) {
                result.remove(key);
            } else if (value instanceof Map<?, ?> m && current instanceof Map<?, ?> c) {
                result.put(key, merge((Map<String, Object>) c, (Map<String, Object>) m, here));
            } else if (value instanceof List<?> l) {
                String mergeKey = MERGE_KEYS.get(key);
                require(mergeKey != null, "a list in a patch whose merge strategy the renderer does not know: " + here);
                result.put(key, mergeList(current instanceof List<?> c ? (List<Object>) c : List.of(), (List<Object>) l, mergeKey, here));
            } else {
                result.put(key, deepCopy(value));
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> mergeList(List<Object> target, List<Object> patch, String mergeKey, String path) {
        List<Object> result = new ArrayList<>(target);
        for (Object item : patch) {
            Map<String, Object> p = map(item, path);
            require(p.get(mergeKey) != null, path + ": an item without its merge key " + mergeKey);
            int index = -1;
            for (int i = 0; i < result.size(); i++) {
                if (Objects.equals(((Map<String, Object>) result.get(i)).get(mergeKey), p.get(mergeKey))) {
                    index = i;
                }
            }
            if (index < 0) {
                result.add(deepCopy(p));
            } else {
                result.set(index, merge((Map<String, Object>) result.get(index), p, path + "/" + p.get(mergeKey)));
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((key, value) -> copy.put((String) key, deepCopy(value)));
            return copy;
        }
        if (o instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(Kustomize::deepCopy).toList());
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
            if (doc != null) {
                Map<String, Object> o = (Map<String, Object>) deepCopy(map(doc, file.toString()));
                require(o.get("apiVersion") instanceof String && o.get("kind") instanceof String && name(o) != null,
                        file + ": every document has apiVersion, kind and metadata.name");
                docs.add(o);
            }
        }
        return docs;
    }

    static String name(Map<String, Object> o) {
        return o.get("metadata") instanceof Map<?, ?> m && m.get("name") instanceof String s ? s : null;
    }

    static String id(Map<String, Object> o) {
        String namespace = o.get("metadata") instanceof Map<?, ?> m && m.get("namespace") instanceof String s ? s : "";
        return o.get("apiVersion") + "/" + o.get("kind") + " " + namespace + "/" + name(o);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String where) {
        require(o instanceof Map<?, ?>, where + ": a mapping expected");
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o, String where) {
        if (o == null) {
            return List.of();
        }
        require(o instanceof List<?>, where + ": a list expected");
        return (List<Object>) o;
    }

    private static String string(Object o, String where) {
        require(o instanceof String, where + ": a string expected, got " + o);
        return (String) o;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
