/**
 * JSON-schema validation of pushed documents against the model's collection schemas (ajv).
 */
import { collectionSchemas, type CollectionName } from '@motcua/model';
import { Ajv, type ValidateFunction } from 'ajv';
import { unprocessable } from '../errors.ts';

// RxDB keywords (primaryKey, indexes, version…) are not JSON Schema: non-strict mode ignores them.
const ajv = new Ajv({ strict: false, allErrors: false });
const validators = new Map<CollectionName, ValidateFunction>();

function validatorFor(collection: CollectionName): ValidateFunction {
  let validate = validators.get(collection);
  if (!validate) {
    validate = ajv.compile(collectionSchemas[collection]);
    validators.set(collection, validate);
  }
  return validate;
}

/** Throws 422 `schema_invalid` naming the first offending field. */
export function assertValid(collection: CollectionName, data: Record<string, unknown>, index: number): void {
  const validate = validatorFor(collection);
  if (validate(data)) return;
  const first = validate.errors?.[0];
  const where = first ? `${first.instancePath || '/'} ${first.message ?? ''}`.trim() : 'không rõ';
  throw unprocessable('schema_invalid', `Tài liệu thứ ${index + 1} của "${collection}" không hợp lệ: ${where}`);
}
