// Validates docs/asyncapi.yaml with the AsyncAPI parser: the AsyncAPI 3.0.0 schema, the parser's Spectral rules, and
// every payload's JSON Schema (draft 2020-12, referenced from docs/events/) compiled by Ajv, each schema's own
// examples included. Usage: node validate-asyncapi.mjs [path/to/asyncapi.yaml]. Exits 1 on any error diagnostic.
import { Parser, fromFile, DiagnosticSeverity } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const DRAFT_2020_12 = ['application/schema;version=draft-2020-12', 'application/schema+json;version=draft-2020-12',
  'application/schema+yaml;version=draft-2020-12'];

// The parser knows JSON Schema draft-07 only, and for AsyncAPI 3 documents it only parses (never validates) payload
// schemas of other formats. This parser checks each draft 2020-12 schema with Ajv: valid against the 2020-12
// meta-schema, compiles (its $refs resolve), and its own examples match it. Problems are reported as errors below.
const schemaProblems = [];
const checked = new Map();
const draft2020SchemaParser = {
  getMimeTypes: () => DRAFT_2020_12,
  async validate() {
    return [];
  },
  async parse(input) {
    const at = input.path.join('.');
    const key = JSON.stringify(input.data);
    if (!checked.has(key)) {
      checked.set(key, checkDraft2020(input.data));
    }
    checked.get(key).forEach(message => schemaProblems.push(`${message} at ${at}`));
    return input.data;
  },
};

function checkDraft2020(schema) {
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return ['not a JSON Schema object'];
  }
  if (schema.$schema !== 'https://json-schema.org/draft/2020-12/schema') {
    return [`$schema is ${JSON.stringify(schema.$schema)}, not https://json-schema.org/draft/2020-12/schema`];
  }
  if (!ajv.validateSchema(schema)) {
    return ajv.errors.map(e => `not a valid JSON Schema 2020-12: ${e.instancePath || '/'} ${e.message}`);
  }
  let validate;
  try {
    validate = ajv.compile(schema);
  } catch (e) {
    return [`schema does not compile: ${e.message}`];
  }
  const problems = [];
  if (!Array.isArray(schema.examples) || schema.examples.length === 0) {
    problems.push('schema has no examples');
  }
  (schema.examples ?? []).forEach((example, i) => {
    if (!validate(example)) {
      validate.errors.forEach(e => problems.push(`examples[${i}] does not match the schema: ${e.instancePath || '/'} ${e.message}`));
    }
  });
  return problems;
}

const file = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'asyncapi.yaml'));
const parser = new Parser({ schemaParsers: [draft2020SchemaParser] });
const { document, diagnostics } = await fromFile(parser, file).parse();

const names = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' };
for (const d of diagnostics) {
  console.log(`${names[d.severity] ?? d.severity} ${d.code}: ${d.message} at ${(d.path ?? []).join('.')}`
      + (d.source && d.source !== file ? ` (${d.source})` : ''));
}
if (document && checked.size === 0) {
  schemaProblems.push('no draft 2020-12 payload schema reached the schema parser: are the payloads still multi-format schemas?');
}
schemaProblems.forEach(p => console.log(`error payload-schema: ${p}`));
const errors = diagnostics.filter(d => d.severity === DiagnosticSeverity.Error).length + schemaProblems.length;
if (errors > 0 || !document) {
  console.log(`${file}: INVALID, ${errors} error(s)`);
  process.exit(1);
}
console.log(`${file}: valid AsyncAPI ${document.version()}, ${document.channels().length} channels, `
    + `${document.operations().length} operations, ${document.messages().length} messages, `
    + `${checked.size} distinct draft 2020-12 payload schemas checked`);
