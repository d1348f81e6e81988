/** `--name value` from the command line of an eval or bench script, or the fallback. */
export function arg(name: string, fallback: string): string;
export function arg(name: string, fallback: null): string | null;
export function arg(name: string, fallback: string | null): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
