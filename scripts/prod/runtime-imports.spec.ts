import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingInProduction, packageOf, runtimeImports } from './runtime-imports';

describe(packageOf.name, () => {
  it('names the package of a specifier and leaves out Node built-ins', () => {
    expect(packageOf('class-transformer/cjs/storage')).toBe('class-transformer');
    expect(packageOf('@nestjs/core/router')).toBe('@nestjs/core');
    expect(packageOf('node:fs')).toBeNull();
    expect(packageOf('crypto')).toBeNull();
    expect(packageOf('fs/promises')).toBeNull();
  });
});

describe(runtimeImports.name, () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'runtime-imports-'));
    mkdirSync(join(root, 'dist', 'libs', 'contracts'), { recursive: true });
    writeFileSync(
      join(root, 'dist', 'libs', 'contracts', 'nullable.decorator.js'),
      'const a = require("class-validator");\nconst b = require("class-validator-jsonschema");\nconst c = require("./local");\nconst d = require("node:path");\n',
    );
    writeFileSync(join(root, 'dist', 'libs', 'contracts', 'lazy.js'), 'const e = await import("kafkajs");\n');
    mkdirSync(join(root, 'dist', 'libs', 'page', 'public', 'vendor'), { recursive: true });
    writeFileSync(join(root, 'dist', 'libs', 'page', 'public', 'vendor', 'd3-geo.min.js'), 'typeof exports == "object" && factory(exports, require("d3-array"));\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds every package the built code loads, and reports those a production install leaves out', () => {
    const imports = runtimeImports(root, ['dist/libs'], ['dist/libs/page/public']);
    expect(imports.map((i) => i.name)).toEqual(['class-validator', 'class-validator-jsonschema', 'kafkajs']);
    const missing = missingInProduction(imports, { dependencies: { 'class-validator': '^0.15.1', kafkajs: '^2.2.4' } });
    expect(missing).toEqual([{ name: 'class-validator-jsonschema', file: join('dist', 'libs', 'contracts', 'nullable.decorator.js') }]);
  });

  it('leaves out the folders it is told to skip (files for the browser)', () => {
    expect(runtimeImports(root, ['dist/libs'], ['dist/libs/page/public']).map((i) => i.name)).not.toContain('d3-array');
  });
});
