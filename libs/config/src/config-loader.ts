import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { isSecretName, MASK, maskSecrets, shownValue } from './secret-mask';

/** Start-up must stop here, naming every bad `KEY=value` at once rather than the first. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigValidationError';
  }
}

function describe(error: ValidationError, raw: Record<string, unknown>): string {
  const value = error.property in raw ? raw[error.property] : error.value;
  // A rule's message may quote the value ($value): it is masked there too.
  const rules = Object.values(error.constraints ?? {}).map((rule) => {
    if (typeof value !== 'string' || value === '') return rule;
    return rule.replaceAll(value, isSecretName(error.property) ? MASK : maskSecrets(value));
  });
  return `${error.property}=${shownValue(error.property, value)}: ${rules.join('; ')}`;
}

/**
 * Reads a config class from the environment: each property is an env var
 * name, its initializer the default, its decorators the rules.
 */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new cls();
  const given: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    if (env[key] !== undefined && env[key] !== '') given[key] = env[key];
  }
  const config = plainToInstance(cls, { ...defaults, ...given }, { enableImplicitConversion: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigValidationError(errors.map((e) => describe(e, given)));
  return config;
}
