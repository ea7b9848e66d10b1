/** The JSON Schema editors get (data/models.schema.json) accepts the real registry and knows the new fields. */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {ROOT_DIR} from '../../constants';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'data/models.schema.json'), 'utf8')) as object;
const validate = new Ajv({allErrors: true, strict: false}).compile(schema);
const registry = parse(fs.readFileSync(path.join(ROOT_DIR, 'data/models.yaml'), 'utf8')) as {models: Array<Record<string, unknown>>};

function valid(models: Array<Record<string, unknown>>): boolean {
  return validate({models}) as boolean;
}

describe('models.schema.json', () => {
  it('accepts data/models.yaml', () => {
    expect(validate(registry), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('rejects a family with a release date, a retired model without its shutdown and source, and a one-letter name', () => {
    const family = registry.models.find((m) => m.type === 'family')!;
    const retired = registry.models.find((m) => m.status === 'retired')!;
    expect(valid([family])).toBe(true);
    expect(valid([{...family, released: '2020'}])).toBe(false);
    expect(valid([retired])).toBe(true);
    const {shutdown: _shutdown, ...noShutdown} = retired;
    expect(valid([noShutdown])).toBe(false);
    const {status_sources: _sources, ...noSource} = retired;
    expect(valid([noSource])).toBe(false);
    expect(valid([{...retired, name: 'a'}])).toBe(false);
    expect(valid([{...retired, estimated: ['released', 'someday']}])).toBe(false);
  });
});
