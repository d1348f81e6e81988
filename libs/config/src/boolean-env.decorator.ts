import { Transform } from 'class-transformer';

/** "true"/"1"/"yes" are true, "false"/"0"/"no" false; anything else is left for the validator to refuse. */
export function BooleanEnv(): PropertyDecorator {
  return Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const raw = obj[key];
    if (typeof raw === 'boolean') return raw;
    const text = String(raw).toLowerCase();
    if (['true', '1', 'yes'].includes(text)) return true;
    if (['false', '0', 'no'].includes(text)) return false;
    return raw;
  });
}
