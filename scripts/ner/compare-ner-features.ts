import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * npm run ner:compare -- --setting NAME=ARGS [--setting NAME=ARGS ...] [--folds 1,3,6,8 --from-epoch 8 --max-epochs 20 --jobs 2]
 *
 * Compares tagger settings on several dev folds, the way the word classes
 * were chosen: each setting (`ARGS`: extra `ner:train` arguments, separated
 * by commas, e.g. `none=--clusters,none`; an empty one is the committed
 * defaults) is trained with `ner:train -- --dev-only --dev-fold F` for each
 * fold F, and its dev F1 per type is averaged over the epochs from
 * `--from-epoch` on (one dev fold has few organisations: one epoch's figure
 * moves by 0.02–0.03), then over the folds; the epoch count best on the
 * mean over folds is printed too. The held-out split is never read (folds 4
 * and 9 are refused by ner:train).
 */
const argsOf = (name: string): string[] => process.argv.flatMap((a, i) => (a === `--${name}` && process.argv[i + 1] !== undefined ? [process.argv[i + 1]] : []));
const one = (name: string, fallback: string): string => argsOf(name)[0] ?? fallback;

interface Setting {
  name: string;
  args: string[];
}
const settings: Setting[] = argsOf('setting').map((s) => {
  const eq = s.indexOf('=');
  if (eq <= 0) throw new Error(`--setting must be NAME=ARGS, not "${s}"`);
  return { name: s.slice(0, eq), args: s.slice(eq + 1).split(',').filter(Boolean) };
});
if (settings.length === 0) throw new Error('give at least one --setting NAME=ARGS (ARGS may be empty: the defaults)');
const folds = one('folds', '1,3,6,8').split(',').map(Number);
const fromEpoch = Number(one('from-epoch', '8'));
const maxEpochs = one('max-epochs', '20');
const jobs = Number(one('jobs', '2'));
const TYPES = ['PER', 'LOC', 'ORG', 'macro'] as const;
const EPOCH_LINE = /epoch (\d+): dev PER ([\d.]+)\s+LOC ([\d.]+)\s+ORG ([\d.]+)\s+macro ([\d.]+)/g;

/** Dev F1 by epoch (index epoch - 1): PER, LOC, ORG, macro. */
type Curve = number[][];

function train(setting: Setting, fold: number): Promise<Curve> {
  const script = join(__dirname, 'train-ner.js');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script, '--dev-only', '--dev-fold', String(fold), '--max-epochs', maxEpochs, ...setting.args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`ner:train ${setting.name} fold ${fold} exited with ${code}`));
      const curve = [...out.matchAll(EPOCH_LINE)].map((m) => [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])]);
      if (curve.length === 0) return reject(new Error(`ner:train ${setting.name} fold ${fold} printed no epochs`));
      process.stderr.write(`${setting.name}, fold ${fold}: ${curve.length} epochs\n`);
      resolvePromise(curve);
    });
  });
}

async function main(): Promise<void> {
  const tasks = settings.flatMap((setting) => folds.map((fold) => ({ setting, fold })));
  const curves = new Map<string, Curve>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const { setting, fold } = tasks[next++];
      curves.set(`${setting.name}:${fold}`, await train(setting, fold));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));

  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  const lines = [
    `dev folds ${folds.join(', ')}; F1 averaged over epochs ${fromEpoch}–${maxEpochs}, then over the folds`,
    '',
    '| setting | persons | places | organisations | macro | best epoch count on the fold mean (macro, organisations) |',
    '|---|---|---|---|---|---|',
  ];
  for (const setting of settings) {
    const perFold = folds.map((fold) => curves.get(`${setting.name}:${fold}`)!);
    const late = perFold.map((curve) => TYPES.map((_, t) => mean(curve.slice(fromEpoch - 1).map((e) => e[t]))));
    const averaged = TYPES.map((_, t) => mean(late.map((f) => f[t])));
    const epochs = Math.min(...perFold.map((c) => c.length));
    const byEpoch = Array.from({ length: epochs }, (_, e) => TYPES.map((_, t) => mean(perFold.map((c) => c[e][t]))));
    const best = byEpoch.reduce((b, e, i) => (e[3] > byEpoch[b][3] ? i : b), 0);
    lines.push(`| ${setting.name} (${setting.args.join(' ') || 'defaults'}) | ${averaged.map((v) => v.toFixed(3)).join(' | ')} | ${best + 1} (${byEpoch[best][3].toFixed(3)}, ${byEpoch[best][2].toFixed(3)}) |`);
    folds.forEach((fold, k) => lines.push(`| · fold ${fold} | ${late[k].map((v) => v.toFixed(3)).join(' | ')} | |`));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
