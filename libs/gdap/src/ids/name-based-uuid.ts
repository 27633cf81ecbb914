import { validate, v5 } from 'uuid';

/**
 * A name-based UUID, version 5 (RFC 9562), by the `uuid` package: SHA-1 of the namespace's 16
 * bytes and the name's UTF-8 bytes, with the version and variant bits set. The same namespace
 * and name give the same id on every machine and in every process, so two writers of the same
 * fact write the same id.
 */
export function uuidV5(name: string, namespace: string): string {
  if (!validate(namespace)) throw new TypeError(`${namespace} is no UUID`);
  return v5(name, namespace);
}
