import Ajv, { ValidateFunction } from 'ajv';
import { TransformationType } from 'class-transformer';
// class-transformer's own registry of @Type targets, as json-schemas.ts reads it.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, IS_OPTIONAL, ValidationArguments, ValidationTypes, ValidatorConstraintInterface } from 'class-validator';
import { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { NULLABLE_CONDITION } from './nullable.decorator';

type Schema = Record<string, unknown>;
// What class-validator and class-transformer key their metadata by.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Target = Function;
type Constructor = new () => object;

/** The contract uses something the fast check does not translate; the contract is then checked by class-validator alone. */
export class UnsupportedContractError extends Error {
  override readonly name = 'UnsupportedContractError';
}

interface Constraint {
  validator: ValidatorConstraintInterface;
  meta: ValidationMetadata;
  targetName: string;
}

/**
 * A compiled check of a contract class, translated from the class's own
 * class-validator metadata, that accepts a conforming record at ajv's speed
 * (a few µs, where class-transformer plus class-validator take 250–850 µs for
 * an extraction or story record, more than the extraction itself).
 *
 * It never accepts a value that class-validator refuses: every leaf constraint
 * is class-validator's own validator function, called by ajv; what the
 * translation adds is the structure (which properties must be present, where
 * null skips validation, where a nested class is validated), and that follows
 * ValidationExecutor: a missing property fails only when a validator fails on
 * `undefined`, IsOptional and Nullable let null through, ValidateNested
 * validates an object as its @Type class and an array element by element. It
 * may refuse what class-validator accepts (an array of arrays where objects
 * are expected, a missing property a class field default would fill); a value
 * it refuses goes to class-validator, which decides and names the fields.
 * Whatever it does not translate (other ValidateIf conditions, IsDefined,
 * groups, per-validator conditions, async validators, class-transformer
 * @Transform/@Expose/@Exclude) throws {@link UnsupportedContractError}.
 */
export function compileFastCheck(contract: Constructor): ValidateFunction {
  const storage = getMetadataStorage();
  const constraints: Constraint[] = [];
  const definitions: Record<string, Schema> = {};
  const names = new Map<Target, string>();

  const definitionOf = (cls: Target): string => {
    let name = names.get(cls);
    if (name) return name;
    name = `${cls.name}_${names.size}`;
    names.set(cls, name);
    definitions[name] = classSchema(cls);
    return name;
  };

  const classSchema = (cls: Target): Schema => {
    if (defaultMetadataStorage.getStrategy(cls) !== 'none') throw new UnsupportedContractError(`${cls.name} uses @Expose/@Exclude`);
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const meta of storage.getTargetValidationMetadatas(cls, '', false, false)) {
      byProperty.set(meta.propertyName, [...(byProperty.get(meta.propertyName) ?? []), meta]);
    }
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const [property, metas] of byProperty) {
      const where = `${cls.name}.${property}`;
      if (
        defaultMetadataStorage.findTransformMetadatas(cls, property, TransformationType.PLAIN_TO_CLASS).length > 0 ||
        defaultMetadataStorage.findExposeMetadata(cls, property) ||
        defaultMetadataStorage.findExcludeMetadata(cls, property)
      ) {
        throw new UnsupportedContractError(`${where} is transformed by class-transformer`);
      }
      let skipsNull = false;
      let skipsUndefined = false;
      const parts: Schema[] = [];
      for (const meta of metas) {
        if (meta.groups?.length || meta.always || meta.validateIf) throw new UnsupportedContractError(`${where}: groups, always or validateIf`);
        if (meta.type === ValidationTypes.CONDITIONAL_VALIDATION) {
          if (meta.name === IS_OPTIONAL) skipsNull = skipsUndefined = true;
          else if (meta.constraints[0] === NULLABLE_CONDITION) skipsNull = true;
          else throw new UnsupportedContractError(`${where}: a ValidateIf condition`);
        } else if (meta.type === ValidationTypes.CUSTOM_VALIDATION) {
          const found = storage.getTargetValidatorConstraints(meta.constraintCls);
          if (found.length !== 1 || found[0]!.async) throw new UnsupportedContractError(`${where}: ${meta.name ?? 'a constraint'} is async or ambiguous`);
          const index = constraints.push({ validator: found[0]!.instance as ValidatorConstraintInterface, meta, targetName: cls.name }) - 1;
          const leaf = nativeSchema(meta) ?? { classValidator: index };
          parts.push(meta.each ? eachOrItself(leaf) : leaf);
        } else if (meta.type === ValidationTypes.NESTED_VALIDATION) {
          const type = defaultMetadataStorage.findTypeMetadata(cls, property);
          if (!type || type.options?.discriminator) throw new UnsupportedContractError(`${where}: ValidateNested without a plain @Type`);
          const target = type.typeFunction() as Target;
          parts.push(eachOrItself({ $ref: `#/definitions/${definitionOf(target)}` }));
        } else {
          throw new UnsupportedContractError(`${where}: ${meta.type}`);
        }
      }
      const schema: Schema = parts.length === 1 ? parts[0]! : { allOf: parts };
      properties[property] = skipsNull ? { anyOf: [{ type: 'null' }, schema] } : schema;
      // Missing, the property is validated as undefined by its custom validators (ValidateNested lets undefined by).
      const failsOnUndefined = metas.some(
        (m) => m.type === ValidationTypes.CUSTOM_VALIDATION && !check(constraints.find((c) => c.meta === m)!, undefined, {}),
      );
      if (!skipsUndefined && failsOnUndefined) required.push(property);
    }
    return { type: 'object', properties, required };
  };

  const root = definitionOf(contract);
  const ajv = new Ajv({ allErrors: false, strict: true, strictTypes: false });
  ajv.addKeyword({
    keyword: 'classValidator',
    schemaType: 'number',
    errors: false,
    validate: (index: number, data: unknown, _schema: unknown, context?: { parentData?: unknown }) =>
      check(constraints[index]!, data, context?.parentData),
  });
  return ajv.compile({ $ref: `#/definitions/${root}`, definitions });
}

/**
 * The JSON Schema that accepts exactly what a common validator accepts, or a
 * stricter one, for ajv to check inline (calling the validator costs more):
 * isString and isBoolean (ajv refuses String and Boolean objects, which JSON
 * cannot carry), isArray, isInt and isNumber without options (ajv's numbers are
 * finite, as class-validator's are by default), isIn over primitives, and min.
 * (maxLength stays class-validator's: ajv counts code points, validator.js
 * also folds variation selectors.)
 */
function nativeSchema(meta: ValidationMetadata): Schema | undefined {
  const [first] = meta.constraints ?? [];
  switch (meta.name ?? '') {
    case 'isString':
      return { type: 'string' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isArray':
      return { type: 'array' };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return first === undefined || (typeof first === 'object' && first !== null && Object.keys(first).length === 0) ? { type: 'number' } : undefined;
    case 'isIn':
      return Array.isArray(first) && first.length > 0 && first.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)) ? { enum: first } : undefined;
    case 'min':
      return typeof first === 'number' ? { type: 'number', minimum: first } : undefined;
    default:
      return undefined;
  }
}

/** As ValidationExecutor does for `each` and for nested values: an array element by element, anything else itself. */
function eachOrItself(schema: Schema): Schema {
  return { if: { type: 'array' }, then: { items: schema }, else: schema };
}

function check(constraint: Constraint, value: unknown, parent: unknown): boolean {
  const args: ValidationArguments = {
    value,
    constraints: constraint.meta.constraints,
    targetName: constraint.targetName,
    object: (parent ?? {}) as object,
    property: constraint.meta.propertyName,
  };
  return constraint.validator.validate(value, args) === true;
}
