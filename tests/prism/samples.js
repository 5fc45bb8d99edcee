// Request arguments for every operation of an OpenAPI document (2.0 or 3.x), for the Prism client sweep.
// Usage: node samples.js <spec> <out.json>
// Writes { "GET /pets/{id}": { "params": { "path:id": [1], ... }, "bodies": { "application/json": [{...}] } }, ... }.
// Each value is a list of candidates, best first: the spec's own example when there is one, then openapi-sampler's
// deterministic sample of the schema (specs' examples are sometimes wrong, e.g. a string example for an integer).
'use strict';
const fs = require('fs');
const yaml = require('js-yaml');
const sampler = require('openapi-sampler');

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

function sample(schema, document) {
  if (!schema) return undefined;
  // Requests never carry readOnly properties.
  return sampler.sample(schema, { skipReadOnly: true, quiet: true, enablePatterns: true }, document);
}

// [example or the first of examples (3.x), sample of the schema], without the missing ones.
function exampleOf(holder, schema) {
  const candidates = [];
  if (holder.example !== undefined) candidates.push(holder.example);
  else if (holder.examples && typeof holder.examples === 'object') {
    const first = Object.values(holder.examples).map(resolve).find(e => e && e.value !== undefined);
    if (first) candidates.push(first.value);
  }
  for (const [candidateSchema, document] of [[schema, spec], [stripExamples(schema), bareSpec]]) {
    try {
      const sampled = sample(candidateSchema, document);
      if (sampled !== undefined) candidates.push(sampled);
    } catch (e) {
      // A schema openapi-sampler cannot sample: the other candidates are all there is.
    }
  }
  const seen = new Set();
  return candidates.filter(c => !seen.has(JSON.stringify(c)) && seen.add(JSON.stringify(c)));
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
