// Validates the response Prism serves in static mode (`Prefer: dynamic=false`) against the response schema, for the
// Prism client sweep's proof that a client failure comes from the spec's own example breaking the spec's schema.
// Usage: node check-example.js <spec>   then one query per stdin line: {"method":"GET","path":"/x/{id}","status":200}
// Answers one JSON line per query:
//   { "served": [ { "mediaType", "source", "violations": [ { "path": "/a/0/b", "keyword", "message", "params", "value" } ] } ],
//     "error": "..." }
// "served" has one entry per JSON media type of that response (the client's Accept picks one of them).
// A query with "mediaType" and "body" (a response the client received, e.g. from `prism mock -d`) validates that body
// instead, against the schema of that media type: { "received": [ violations as above ] }.
//
// Nothing here re-implements Prism: the spec is loaded with prism-http's getHttpOperationsFromSpec (the operations,
// JSON schemas and examples `prism mock` itself works from: OpenAPI 3.0 `nullable` and 2.0 schemas already converted
// by @stoplight/http-spec), and the served value is what prism-http's own mocker returns for that status and media
// type in static mode (the media type's `example`, else the first of its `examples` (2.0: `examples[mediaType]`), else
// json-schema-sampler's static sample built from the schema's own examples and defaults). The validation is ajv's
// (a standard JSON Schema validator, with ajv-formats), in the dialect the schema's $schema names, without coercion;
// writeOnly properties are not required in a response (prism-http's own stripWriteOnlyProperties).
'use strict';
const readline = require('readline');
const Ajv = require('ajv').default;
const Ajv2019 = require('ajv/dist/2019').default;
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const E = require('fp-ts/Either');
const { getHttpOperationsFromSpec } = require('@stoplight/prism-http');
const mock = require('@stoplight/prism-http/dist/mocker').default;
const { generateStatic } = require('@stoplight/prism-http/dist/mocker/generator/JSONSchema');
const { stripWriteOnlyProperties } = require('@stoplight/prism-http/dist/utils/filterRequiredProperties');

const specPath = process.argv[2];

const silent = { warn() {}, log() {}, error() {} };
// prism-http's own ajv options, and validateSchema off: schemas with duplicate enum items (vercel) are still schemas.
const options = { allErrors: true, allowUnionTypes: true, allowMatchingProperties: true, strict: false, validateSchema: false, logger: silent };
const validators = { default: new Ajv(options), 2019: new Ajv2019(options), 2020: new Ajv2020(options) };
Object.values(validators).forEach(ajv => addFormats(ajv));
// OpenAPI's format registry: the unsigned integer formats hold no value below zero. json-schema-faker ignores them and
// draws negative integers (docker-engine's uint64 counters), which the client rightly cannot read as ulong.
const unsigned = { type: 'number', validate: n => Number.isInteger(n) && n >= 0 };
Object.values(validators).forEach(ajv => ['uint8', 'uint16', 'uint32', 'uint64'].forEach(f => ajv.addFormat(f, unsigned)));

function validatorFor(schema) {
  const dialect = String(schema.$schema || '');
  if (/draft\/2020-12/.test(dialect)) return validators[2020];
  if (/draft\/2019-09/.test(dialect)) return validators[2019];
  return validators.default;
}

// OpenAPI 3.0 `nullable: true` that @stoplight/http-spec leaves in place (beside oneOf/anyOf/allOf/$ref, without a
// `type`; ajv refuses to compile it) as JSON Schema. OpenAPI 3.0.3 gives it no effect without `type`, but the lenient
// reading (null is allowed) is taken on purpose: a value the validator accepts is never blamed on the spec.
const dataKeywords = new Set(['example', 'examples', 'default', 'enum', 'const', 'x-examples']);
function withNullable(node, seen = new Map()) {
  if (Array.isArray(node)) return node.map(n => withNullable(n, seen));
  if (!node || typeof node !== 'object') return node;
  if (seen.has(node)) return seen.get(node);
  const copy = {};
  seen.set(node, copy);
  for (const [key, value] of Object.entries(node)) copy[key] = dataKeywords.has(key) ? value : withNullable(value, seen);
  if (typeof copy.nullable !== 'boolean') return copy;
  const nullable = copy.nullable;
  delete copy.nullable;
  if (!nullable) return copy;
  if (copy.type !== undefined) {
    const types = Array.isArray(copy.type) ? copy.type : [copy.type];
    if (!types.includes('null')) copy.type = [...types, 'null'];
    if (Array.isArray(copy.enum) && !copy.enum.includes(null)) copy.enum = [...copy.enum, null];
    return copy;
  }
  const nonNull = { ...copy };
  for (const key of Object.keys(copy)) delete copy[key];
  copy.anyOf = [{ type: 'null' }, nonNull];
  return copy;
}

// pino-like logger that drops everything: prism-http's mocker logs through it.
const quietLogger = new Proxy({}, { get: (_, name) => (name === 'child' ? () => quietLogger : () => {}) });

function isJson(mediaType) {
  return /^application\/(.+\+)?json(;.*)?$/i.test(mediaType) || /\*\/\*/.test(mediaType);
}

function findResponse(operation, status) {
  const code = String(status);
  return operation.responses.find(r => r.code.toLowerCase() === code)
    || operation.responses.find(r => r.code.toUpperCase() === code[0] + 'XX')
    || operation.responses.find(r => r.code === 'default');
}

function served(operation, status, mediaType) {
  const input = { data: { method: operation.method, url: { path: operation.path, query: {} }, headers: { accept: mediaType } }, validations: [] };
  const config = { dynamic: false, code: status, mediaTypes: [mediaType] };
  const result = mock({ resource: operation, input, config })(quietLogger);
  if (E.isLeft(result)) throw result.left;
  return result.right;
}

// The value at a JSON pointer, and a short JSON excerpt of it for the report.
function at(value, pointer) {
  return pointer.split('/').slice(1).map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => (node === null || node === undefined ? undefined : node[key]), value);
}
function excerpt(value) {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 80 ? text.slice(0, 77) + '...' : text;
}

// The schema (or a map of named schemas) without the spec's own values (example, examples, default): what Prism's static
// generator makes of the bare schema tells a sampler shortcoming from a wrong spec example.
const exampleKeywords = new Set(['example', 'examples', 'default', 'x-example', 'x-examples']);
const schemaMaps = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);
function withoutExamples(node, isMap = false, seen = new Map()) {
  if (Array.isArray(node)) return node.map(n => withoutExamples(n, false, seen));
  if (!node || typeof node !== 'object') return node;
  if (seen.has(node)) return seen.get(node);
  const copy = {};
  seen.set(node, copy);
  for (const [key, value] of Object.entries(node)) {
    if (!isMap && exampleKeywords.has(key)) continue;
    copy[key] = !isMap && dataKeywords.has(key) ? value : withoutExamples(value, !isMap && schemaMaps.has(key), seen);
  }
  return copy;
}

function sourceOf(content) {
  const first = content.examples && content.examples[0];
  if (first && first.value !== undefined) return first.key === 'default' ? 'example' : 'examples[' + JSON.stringify(first.key) + ']';
  return "static sample of the schema (its own examples and defaults)";
}

const compiled = new WeakMap();
function validateSchema(schema, operation, body) {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, validate = validatorFor(schema).compile(withNullable({ ...schema, __bundled__: operation.__bundled__ })));
  if (validate(body)) return [];
  // A oneOf that several variants match fails for the overlap alone: the errors of its other variants say nothing
  // about the value (it is valid for the matching ones), so they are left out.
  const overlaps = validate.errors.filter(e => e.keyword === 'oneOf' && Array.isArray(e.params.passingSchemas)).map(e => e.schemaPath + '/');
  return validate.errors
    .filter(e => !overlaps.some(o => e.schemaPath.startsWith(o)))
    .map(e => ({ path: e.instancePath, keyword: e.keyword, message: e.message, params: e.params, value: excerpt(at(body, e.instancePath)) }));
}

// The response schema as prism-http validates a response against it: writeOnly properties are not required.
function responseSchema(content) {
  const stripped = stripWriteOnlyProperties(content.schema); // an fp-ts Option
  return stripped._tag === 'Some' ? stripped.value : content.schema;
}

// A body the client received (Prism's dynamic response): its violations of the schema of the media type it came as.
function checkReceived(operation, response, mediaType, body) {
  const type = String(mediaType || '').split(';')[0].trim().toLowerCase();
  const content = (response.contents || []).find(c => c.schema && c.mediaType.toLowerCase() === type);
  if (!content) return { error: 'no schema for ' + type };
  try {
    return { received: validateSchema(responseSchema(content), operation, body) };
  } catch (e) {
    return { error: 'schema does not compile: ' + e.message };
  }
}

function check(operations, { method, path, status, mediaType, body }) {
  const operation = operations.find(o => o.method === method.toLowerCase() && o.path === path);
  if (!operation) return { error: 'no operation ' + method + ' ' + path };
  const response = findResponse(operation, status);
  if (!response) return { error: 'no response ' + status };
  if (body !== undefined) return checkReceived(operation, response, mediaType, body);
  const result = [];
  for (const content of (response.contents || []).filter(c => isJson(c.mediaType) && c.schema)) {
    const answer = served(operation, status, content.mediaType);
    const schema = responseSchema(content);
    let violations;
    try {
      violations = validateSchema(schema, operation, answer.body);
    } catch (e) {
      return { error: 'schema does not compile: ' + e.message };
    }
    const source = sourceOf(content);
    if (violations.length > 0 && source.startsWith('static sample')) {
      // Which violations the sample keeps without the spec's examples: those are the generator's own (sampler: true).
      const bare = { ...operation, __bundled__: withoutExamples(operation.__bundled__, true) };
      const sample = generateStatic(bare, withoutExamples(content.schema));
      const again = E.isRight(sample) ? validateSchema(schema, operation, sample.right) : [];
      for (const v of violations) v.sampler = again.some(a => a.path === v.path && a.keyword === v.keyword);
    }
    result.push({ mediaType: content.mediaType, source, violations });
  }
  return { served: result };
}

(async () => {
  const operations = await getHttpOperationsFromSpec(specPath);
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let answer;
    try {
      answer = check(operations, JSON.parse(line));
    } catch (e) {
      answer = { error: String((e && e.message) || e) };
    }
    process.stdout.write(JSON.stringify(answer) + '\n');
  }
})().catch(e => {
  process.stderr.write(String(e && e.stack) + '\n');
  process.exit(1);
});
