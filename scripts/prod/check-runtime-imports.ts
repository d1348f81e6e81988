import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { missingInProduction, runtimeImports } from './runtime-imports';

/**
 * Fails when the built services, libs or CLI load a package that `dependencies` does not list, so a production
 * install would die at start-up with `Cannot find module`. Run from the repository root after `npm run build`.
 */
const root = process.cwd();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
// The page's files are served to the browser, never loaded by Node: the bundles copied there at build time (d3-geo's
// UMD wrapper names d3-array for CommonJS loaders) say nothing about the production install.
const imports = runtimeImports(root, ['dist/apps', 'dist/libs'], ['dist/libs/page/public']);
const missing = missingInProduction(imports, manifest);
for (const { name, file } of missing) {
  const where = manifest.devDependencies?.[name] ? 'a devDependency' : 'not in package.json';
  process.stderr.write(`runtime import of ${name} (${where}) in ${file}: move it to dependencies or stop loading it at run time\n`);
}
if (missing.length) process.exit(1);
process.stdout.write(`runtime imports: ${imports.length} packages, all in dependencies\n`);
