// Request arguments for every operation of an OpenAPI document (2.0 or 3.x), for the Prism client sweep.
// Usage: node samples.js <spec> <out.json>
// Writes { "GET /pets/{id}": { "params": { "path:id": [1], ... }, "bodies": { "application/json": [{...}] } }, ... }.
// Each value is a list of candidates, best first: the spec's own example when there is one, then openapi-sampler's
// deterministic sample of the schema (specs' examples are sometimes wrong, e.g. a string example for an integer), the
// same with pattern-matching strings, and one sample per oneOf/anyOf branch (openapi-sampler only takes the first).
'use strict';
const fs = require('fs');
const yaml = require('js-yaml');
const sampler = require('openapi-sampler');
const RandExp = require('randexp');

const [specPath, outPath] = process.argv.slice(2);
const text = fs.readFileSync(specPath, 'utf8');
const spec = specPath.endsWith('.json') ? JSON.parse(text) : yaml.load(text);
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function resolve(node) {
  for (let depth = 0; node && typeof node.$ref === 'string' && node.$ref.startsWith('#/') && depth < 32; depth++) {
    node = node.$ref.slice(2).split('/')
      .map(p => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((n, key) => (n === undefined ? undefined : n[key]), spec);
  }
  return node;
}

// The same document without example/examples/default keywords: samples of the bare schemas, for when those are wrong.
function stripExamples(node) {
  if (Array.isArray(node)) return node.map(stripExamples);
  if (!node || typeof node !== 'object') return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (!['example', 'examples', 'x-example', 'default'].includes(key)) copy[key] = stripExamples(value);
  }
  return copy;
}
const bareSpec = stripExamples(spec);

// openapi-sampler writes some patterns literally or wrongly ("(SM|MM)000…" for ^(SM|MM)[0-9a-fA-F]{32}$, "(aa)" for
// ([a-z]+[a-z.]+)$). While fixPatterns is set, a string that misses its schema's pattern is replaced by a randexp string
// that passes it as ajv (Prism's validator) reads it, and min/maxLength. Formatted strings keep the format's sample.
let fixPatterns = false;
const sampleString = sampler._samplers.string;
sampler._registerSampler('string', (schema, options, document, context) => {
  // ajv-formats (Prism's) knows format "url", openapi-sampler does not and writes "string".
  if (fixPatterns && schema.format === 'url') return 'https://example.com/';
  const value = sampleString(schema, options, document, context);
  if (!fixPatterns || typeof schema.pattern !== 'string' || schema.format || matchesPattern(value, schema)) return value;
  const fixed = patternSample(schema);
  return fixed === undefined ? value : fixed;
});

function matchesPattern(value, schema) {
  if (typeof value !== 'string') return false;
  const length = [...value].length;
  if (length < (schema.minLength || 0) || (schema.maxLength !== undefined && length > schema.maxLength)) return false;
  try {
    return new RegExp(schema.pattern, 'u').test(value);
  } catch (e) {
    return false;
  }
}

function patternSample(schema) {
  let generator;
  try {
    generator = new RandExp(schema.pattern);
  } catch (e) {
    return undefined;
  }
  // A seeded generator (mulberry32), so that every run samples the same values.
  let seed = 1;
  generator.randInt = (a, b) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return a + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (b - a + 1));
  };
  // Short repetitions first (unbounded + and * become 0..max more); lookaheads randexp skips are checked by the test.
  for (let attempt = 0; attempt < 200; attempt++) {
    generator.max = 1 + (attempt % 16);
    const value = generator.gen();
    if (matchesPattern(value, schema)) return value;
  }
  return undefined;
}

// The same node with every oneOf/anyOf narrowed to its branch k (the last when it has fewer), for openapi-sampler. A
// branch's `required` joins its parent's (openapi-sampler ignores it), so that a minimal sample names what the branch
// requires (oneOf [{required: [uid]}, {required: [email]}] picks a member by one property).
function pickBranch(node, k) {
  if (Array.isArray(node)) return node.map(n => pickBranch(n, k));
  if (!node || typeof node !== 'object') return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'oneOf' || key === 'anyOf') && Array.isArray(value) && value.length > 0) {
      // A null branch samples as {} with openapi-sampler, and null says nothing: the other branches are sampled.
      const branches = value.filter(b => !(b && b.type === 'null'));
      const branch = branches.length > 0 ? branches[Math.min(k, branches.length - 1)] : value[0];
      copy[key] = [pickBranch(branch, k)];
      if (branch && Array.isArray(branch.required) && node.properties) copy.required = [...new Set([...(copy.required || node.required || []), ...branch.required])];
    } else if (key !== 'required' || !copy.required) {
      copy[key] = pickBranch(value, k);
    }
  }
  return copy;
}
const maxBranch = 4;
const branchSpecs = [];
const branchSpec = k => branchSpecs[k] || (branchSpecs[k] = pickBranch(spec, k));

function sample(schema, document, { fix = true, minimal = false } = {}) {
  if (!schema) return undefined;
  fixPatterns = fix;
  // Requests never carry readOnly properties.
  return sampler.sample(schema, { skipReadOnly: true, quiet: true, enablePatterns: true, skipNonRequired: minimal }, document);
}

// Every candidate, best first, without the missing ones and repeats: the example or the first of examples (3.x), the
// samples with pattern-matching strings (with and without the spec's examples), per branch of the oneOfs/anyOfs one with
// all properties and one with only the required ones, then openapi-sampler's own samples (in case a fixed pattern
// breaks something else).
function exampleOf(holder, schema) {
  const candidates = [];
  if (holder.example !== undefined) candidates.push(holder.example);
  else if (holder.examples && typeof holder.examples === 'object') {
    const first = Object.values(holder.examples).map(resolve).find(e => e && e.value !== undefined);
    if (first) candidates.push(first.value);
  }
  const attempts = [[schema, spec], [stripExamples(schema), bareSpec]];
  if (hasUnion(schema, new Set())) {
    for (let k = 0; k <= maxBranch; k++) {
      attempts.push([pickBranch(schema, k), branchSpec(k)], [pickBranch(schema, k), branchSpec(k), { minimal: true }]);
    }
  }
  attempts.push([schema, spec, { fix: false }], [stripExamples(schema), bareSpec, { fix: false }]);
  for (const [candidateSchema, document, options] of attempts) {
    try {
      const sampled = sample(candidateSchema, document, options);
      if (sampled !== undefined) candidates.push(sampled);
    } catch (e) {
      // A schema openapi-sampler cannot sample: the other candidates are all there is.
    }
  }
  // openapi-sampler samples the empty schema {} as null, which a required body cannot be: prism-http
  // validator/index.js checkRequiredBodyIsProvided takes any falsy body for a missing one. {} is as valid.
  if (candidates.every(c => c === null) && isEmptySchema(resolve(schema))) candidates.push({});
  return distinct(candidates);
}

function isEmptySchema(schema) {
  return !!schema && typeof schema === 'object'
    && !['type', 'enum', 'const', 'oneOf', 'anyOf', 'allOf', 'not', '$ref', 'properties', 'items', 'nullable'].some(key => key in schema);
}

function distinct(candidates) {
  const seen = new Set();
  return candidates.filter(c => !seen.has(JSON.stringify(c)) && seen.add(JSON.stringify(c)));
}

// The same schema with at least two items in every inline array that allows two.
function twoItems(node) {
  if (Array.isArray(node)) return node.map(twoItems);
  if (!node || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, twoItems(value)]));
  if (node.type === 'array' && !(node.maxItems < 2)) copy.minItems = Math.max(2, node.minItems || 0);
  return copy;
}

// Whether a oneOf/anyOf is reachable from the schema (through $refs), so that branch samples can differ at all.
function hasUnion(node, visited) {
  if (!node || typeof node !== 'object' || visited.has(node)) return false;
  visited.add(node);
  if (typeof node.$ref === 'string') return hasUnion(resolve(node), visited);
  if (Array.isArray(node.oneOf) || Array.isArray(node.anyOf)) return true;
  return Object.values(node).some(value => hasUnion(value, visited));
}

// Swagger 2.0 keeps the schema keywords on the parameter itself.
function parameterSchema(parameter) {
  if (parameter.schema) return parameter.schema;
  const { name, in: location, description, required, collectionFormat, allowEmptyValue, ...schema } = parameter;
  return schema;
}

function operationSamples(pathItem, operation) {
  const byKey = new Map();
  for (const p of [...(pathItem.parameters || []), ...(operation.parameters || [])].map(resolve)) {
    if (p && p.name && p.in) byKey.set(p.in + ':' + p.name, p);
  }
  const params = {};
  const bodies = {};
  const formFields = {};
  for (const [key, p] of byKey) {
    if (p.in === 'body') {
      for (const type of operation.consumes || spec.consumes || ['application/json']) bodies[type] = exampleOf(p, p.schema);
    } else if (p.in === 'formData') {
      formFields[p.name] = p.type === 'file' ? 'file' : exampleOf(p, parameterSchema(p))[0];
    } else {
      params[key] = exampleOf(p, parameterSchema(p));
      // A one-item array travels as one plain value, which prism-http reads as an array only when the parameter's schema
      // says `type: array` itself (deserializers/style/form.js): two items show the array through anyOf [array, null].
      if (p.in === 'query') params[key] = distinct([...params[key], ...exampleOf({}, twoItems(parameterSchema(p)))]);
    }
  }
  if (Object.keys(formFields).length > 0) {
    for (const type of operation.consumes || spec.consumes || ['application/x-www-form-urlencoded']) bodies[type] = [formFields];
  }
  const requestBody = resolve(operation.requestBody);
  for (const [type, media] of Object.entries((requestBody && requestBody.content) || {})) {
    bodies[type] = exampleOf(media, media.schema);
  }
  return { params, bodies };
}

const result = {};
for (const [path, rawItem] of Object.entries(spec.paths || {})) {
  const pathItem = resolve(rawItem) || {};
  for (const method of methods) {
    if (!pathItem[method]) continue;
    const key = method.toUpperCase() + ' ' + path;
    try {
      result[key] = operationSamples(pathItem, pathItem[method]);
    } catch (e) {
      result[key] = { error: String(e && e.stack) };
    }
  }
}
fs.writeFileSync(outPath, JSON.stringify(result));
