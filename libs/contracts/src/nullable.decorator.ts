import { ValidateIf } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/**
 * The property must be present; `null` means "not known" and skips the other
 * validators. `undefined` is still validated, so a producer cannot forget a field.
 */
export function Nullable(): PropertyDecorator {
  return (target, key) => {
    ValidateIf((_: unknown, value: unknown) => value !== null)(target, key as string);
    JSONSchema({ nullable: true })(target, key as string);
  };
}
