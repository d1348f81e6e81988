import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

/** A package the built code loads, and the first file that loads it. */
export interface RuntimeImport {
  name: string;
  file: string;
}

const REQUIRE = /\brequire\(\s*["']([^"'.][^"']*)["']\s*\)|\bimport\(\s*["']([^"'.][^"']*)["']\s*\)/g;
const BUILTINS = new Set(builtinModules);

/** `@scope/name/sub/path` → `@scope/name`, `name/sub` → `name`; null for Node's own modules. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0]!)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Every package that the compiled `.js` files under `dirs` (leaving out the folders in `skip`) require or import by name. */
export function runtimeImports(root: string, dirs: string[], skip: string[] = []): RuntimeImport[] {
  const found = new Map<string, string>();
  const skipped = new Set(skip.map((d) => join(root, d)));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipped.has(path)) walk(path);
      }
      else if (entry.name.endsWith('.js')) {
        for (const match of readFileSync(path, 'utf8').matchAll(REQUIRE)) {
          const name = packageOf(match[1] ?? match[2]!);
          if (name && !found.has(name)) found.set(name, relative(root, path));
        }
      }
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return [...found].map(([name, file]) => ({ name, file })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The imports a production install (`npm ci --omit=dev`) cannot satisfy: packages that are not in `dependencies`,
 * whether they sit in `devDependencies` (present on a developer's machine, absent from the image) or nowhere.
 */
export function missingInProduction(imports: RuntimeImport[], manifest: { dependencies?: Record<string, string> }): RuntimeImport[] {
  const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
  return imports.filter((i) => !dependencies.has(i.name));
}
