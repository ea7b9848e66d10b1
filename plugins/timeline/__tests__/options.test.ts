import {normalizePluginOptions} from '@docusaurus/utils-validation';
import type {Validate} from '@docusaurus/types';
import {describe, expect, it} from 'vitest';
import {DEFAULT_OPTIONS, validateOptions, type Options, type PluginOptions} from '../options';

// What Docusaurus passes to a plugin's validateOptions.
const validate: Validate<Options, PluginOptions> = normalizePluginOptions;

describe('validateOptions', () => {
  it('fills every default, including the plugin id', () => {
    expect(validateOptions({validate, options: {}})).toEqual({id: 'default', ...DEFAULT_OPTIONS});
  });

  it('defaults to the shared route, registry, docs folder and JSON file', () => {
    expect([DEFAULT_OPTIONS.routeBasePath, DEFAULT_OPTIONS.registryPath, DEFAULT_OPTIONS.docsPath, DEFAULT_OPTIONS.jsonFilename]).toEqual([
      'timeline',
      'data/models.yaml',
      'docs',
      'timeline.json',
    ]);
  });

  it('keeps given values and accepts `jsonFilename: false`', () => {
    const options = validateOptions({validate, options: {routeBasePath: 'models/history', jsonFilename: false}});
    expect([options.routeBasePath, options.jsonFilename]).toEqual(['models/history', false]);
  });

  it('rejects an absolute registry path, naming the option and the expected form', () => {
    expect(() => validateOptions({validate, options: {registryPath: '/etc/models.yaml'}})).toThrow(
      '"registryPath" 应为相对站点目录的路径，例如 `data/models.yaml`，而不是 /etc/models.yaml',
    );
  });

  it('rejects a JSON file name with a folder or another extension', () => {
    expect(() => validateOptions({validate, options: {jsonFilename: 'data/timeline.txt'}})).toThrow(
      '"jsonFilename" 应为以 `.json` 结尾的文件名（例如 `timeline.json`）或 `false`，而不是 data/timeline.txt',
    );
  });

  it('rejects a route with a fragment', () => {
    expect(() => validateOptions({validate, options: {routeBasePath: 'timeline#top'}})).toThrow(
      '"routeBasePath" 应为不带 `#` 或 `?` 的路径，例如 `timeline`，而不是 timeline#top',
    );
  });

  it('rejects unknown options', () => {
    expect(() => validateOptions({validate, options: {routeBasepath: 'x'} as Options})).toThrow('"routeBasepath" is not allowed');
  });
});
