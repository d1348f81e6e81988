import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ValidateFunction } from 'ajv';
import { compileFastCheck } from './contract-fast-check';

export type ContractClass<T extends object = object> = new () => T;

export interface FieldError {
  field: string;
  problems: string[];
}

/** Thrown by {@link assertContract}: names every field that broke the contract. */
export class ContractViolationError extends Error {
  constructor(
    readonly contract: string,
    readonly fields: FieldError[],
  ) {
    super(`${contract}: ${fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | ')}`);
    this.name = 'ContractViolationError';
  }
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) out.push({ field, problems: Object.values(error.constraints) });
    if (error.children?.length) out.push(...flatten(error.children, field));
  }
  return out;
}

/**
 * How deep a record may nest objects and arrays. The deepest contract
 * (a story's events with their actors' spans) is well under this; a value
 * nested thousands deep (`{"title":[[[[...]]]]}`) would overflow the stack
 * in class-transformer, which recurses, and a caller's mistake would look
 * like the service's own failure.
 */
export const MAX_CONTRACT_DEPTH = 32;

/**
 * The top-level fields of `value` that nest deeper than `maxDepth`, as field
 * errors. Walked with an explicit stack, so no depth can overflow it.
 */
export function nestingErrors(value: object, maxDepth = MAX_CONTRACT_DEPTH): FieldError[] {
  const fields = new Set<string>();
  for (const [field, top] of Object.entries(value)) {
    const stack: Array<[unknown, number]> = [[top, 1]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (node === null || typeof node !== 'object') continue;
      if (depth > maxDepth) {
        fields.add(field);
        break;
      }
      for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return [...fields].map((field) => ({ field, problems: [`${field} nests objects or arrays deeper than ${maxDepth} levels`] }));
}

const fastChecks = new Map<ContractClass, ValidateFunction | null>();

/** The contract's compiled check, or null when it uses what the fast check does not translate. */
function fastCheck(contract: ContractClass): ValidateFunction | null {
  let compiled = fastChecks.get(contract);
  if (compiled === undefined) {
    try {
      compiled = compileFastCheck(contract);
    } catch {
      // Checked by class-validator alone; contract-fast-check.spec.ts holds every topic contract to having one.
      compiled = null;
    }
    fastChecks.set(contract, compiled);
  }
  return compiled;
}

/**
 * Field errors of `value` against a contract class; empty when it conforms.
 * A conforming record is accepted by the compiled fast check; anything it
 * refuses is decided, and its fields named, by class-validator.
 */
export function contractErrors(contract: ContractClass, value: unknown): FieldError[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ field: '(root)', problems: ['value must be a JSON object'] }];
  }
  if (fastCheck(contract)?.(value)) return [];
  const tooDeep = nestingErrors(value);
  if (tooDeep.length > 0) return tooDeep;
  return classValidatorErrors(contract, value);
}

/** class-validator's verdict alone, over class-transformer: the reference the fast check is held to. */
export function classValidatorErrors(contract: ContractClass, value: object): FieldError[] {
  const instance = plainToInstance(contract, value, { enableImplicitConversion: false });
  return flatten(validateSync(instance as object, { forbidUnknownValues: false }));
}

export function assertContract<T extends object>(contract: ContractClass<T>, value: unknown): T {
  const fields = contractErrors(contract, value);
  if (fields.length > 0) throw new ContractViolationError(contract.name, fields);
  return value as T;
}
