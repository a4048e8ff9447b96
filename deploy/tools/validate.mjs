// Validates Kubernetes objects against the Kubernetes OpenAPI schemas, as kubernetes-models (package.json) compiled
// them. KubernetesManifestsTest pipes the objects it rendered from deploy/kubernetes as JSON on stdin:
//   [{"source": "overlays/example", "object": {...}}, ...]
// and gets one JSON line back: {"results": [{"source", "id", "errors": [...]}, ...]}. Exit 0 when every object is
// valid, 1 when one is not, 2 on unusable input.
//
// Three checks per object:
// 1. The schema of its apiVersion and kind (types, enums, formats, required fields). An apiVersion or kind the
//    package does not model is an error.
// 2. No unknown fields. The OpenAPI schemas do not forbid them (the API server drops or refuses them), so each field
//    is probed: its value is replaced by one no schema accepts and the object validated again; a field the schema
//    knows reports an error at its own path, an unknown one nothing. Map entries (labels, ConfigMap data) are typed
//    by their map's schema, so they pass.
// 3. A few of the API server's rules that the OpenAPI schemas do not state: every object has a metadata.name that
//    is a DNS-1123 subdomain, every container of a pod template an image, ConfigMap and Secret keys are valid
//    keys and Secret data is base64.
import { readFileSync } from "node:fs";

const PROBE = Symbol("probe");
const DNS1123_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

async function modelOf(apiVersion, kind) {
  if (typeof apiVersion !== "string" || !/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion) || typeof kind !== "string") {
    return null;
  }
  try {
    const module = await import(`kubernetes-models/${apiVersion}`);
    return typeof module[kind] === "function" ? module[kind] : null;
  } catch {
    return null;
  }
}

function schemaErrors(Model, object) {
  try {
    new Model(object).validate();
    return [];
  } catch (e) {
    if (!Array.isArray(e.errors)) {
      throw e;
    }
    return e.errors;
  }
}

const pointer = (key) => String(key).replaceAll("~", "~0").replaceAll("/", "~1");

function unknownFields(Model, root, node, path, found) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => unknownFields(Model, root, item, `${path}/${i}`, found));
    return;
  }
  if (node === null || typeof node !== "object") {
    return;
  }
  for (const key of Object.keys(node)) {
    const here = `${path}/${pointer(key)}`;
    const value = node[key];
    node[key] = PROBE;
    const known = schemaErrors(Model, root).some((e) => e.instancePath === here);
    node[key] = value;
    if (known) {
      unknownFields(Model, root, value, here, found);
    } else {
      found.push(`${here || "/"}: unknown field "${key}"`);
    }
  }
}

function serverRules(object) {
  const errors = [];
  const name = object.metadata?.name;
  if (typeof name !== "string" || !DNS1123_SUBDOMAIN.test(name)) {
    errors.push(`/metadata/name: required, a DNS-1123 subdomain (got ${JSON.stringify(name)})`);
  }
  const pod = object.spec?.template?.spec;
  for (const field of ["initContainers", "containers"]) {
    (pod?.[field] ?? []).forEach((c, i) => {
      if (typeof c?.image !== "string" || c.image.trim() === "") {
        errors.push(`/spec/template/spec/${field}/${i}/image: required`);
      }
    });
  }
  if (object.kind === "ConfigMap" || object.kind === "Secret") {
    for (const field of ["data", "stringData", "binaryData"]) {
      for (const [key, value] of Object.entries(object[field] ?? {})) {
        if (!CONFIG_KEY.test(key)) {
          errors.push(`/${field}/${pointer(key)}: not a valid key`);
        }
        if (object.kind === "Secret" && field === "data" && !(typeof value === "string" && BASE64.test(value))) {
          errors.push(`/data/${pointer(key)}: not base64`);
        }
      }
    }
  }
  return errors;
}

async function validate(object) {
  if (object === null || typeof object !== "object" || Array.isArray(object)) {
    return ["not an object"];
  }
  const Model = await modelOf(object.apiVersion, object.kind);
  if (Model === null) {
    return [`no schema for apiVersion ${JSON.stringify(object.apiVersion)}, kind ${JSON.stringify(object.kind)}`];
  }
  const errors = schemaErrors(Model, object).map((e) => `${e.instancePath || "/"}: ${e.message}`);
  const copy = structuredClone(object);
  unknownFields(Model, copy, copy, "", errors);
  errors.push(...serverRules(object));
  return errors;
}

let input;
try {
  input = JSON.parse(readFileSync(0, "utf8"));
  if (!Array.isArray(input) || input.length === 0) {
    throw new Error("expected a non-empty JSON array of {source, object}");
  }
} catch (e) {
  console.error(`validate.mjs: ${e.message}`);
  process.exit(2);
}
const results = [];
for (const { source, object } of input) {
  const id = `${object?.apiVersion}/${object?.kind} ${object?.metadata?.namespace ?? ""}/${object?.metadata?.name}`;
  results.push({ source, id, errors: await validate(object) });
}
console.log(JSON.stringify({ results }));
process.exit(results.every((r) => r.errors.length === 0) ? 0 : 1);
