import { ValidateIf } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** Nullable's ValidateIf condition; the fast contract check recognises it by identity. */
export const NULLABLE_CONDITION = (_: unknown, value: unknown): boolean => value !== null;

/**
 * The property must be present; `null` means "not known" and skips the other
 * validators. `undefined` is still validated, so a producer cannot forget a field.
 */
export function Nullable(): PropertyDecorator {
  return (target, key) => {
    ValidateIf(NULLABLE_CONDITION)(target, key as string);
    JSONSchema({ nullable: true })(target, key as string);
  };
}
