// Validates JSON documents against a JSON Schema (draft 2020-12) with the pinned ajv.
// Usage: node validate_json_schema.mjs SCHEMA.json DOC.json...
// Exit 0: all valid. Exit 1: some document is invalid (each error printed). Exit 2: bad usage,
// unreadable files or a schema ajv rejects.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

function main(args) {
  if (args.length < 2) {
    console.error('usage: validate_json_schema.mjs SCHEMA.json DOC.json...');
    return 2;
  }
  const [schemaPath, ...docPaths] = args;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  let invalid = 0;
  for (const docPath of docPaths) {
    if (!validate(JSON.parse(readFileSync(docPath, 'utf8')))) {
      invalid += 1;
      for (const error of validate.errors) {
        console.log(`${docPath}: ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
      }
    }
  }
  return invalid === 0 ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`validate_json_schema: ${error.message}`);
  process.exitCode = 2;
}
