/** Setting names whose whole value is a secret (`KAFKA_SASL_PASSWORD`, `INGEST_API_TOKEN`, `LIBRETRANSLATE_API_KEY`). */
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|KEY$/i;
/** Query parameters that carry a credential in a URL (`?password=`, `?api_key=`, `?sslkey=`...). */
const SECRET_PARAM = /pass|secret|token|key|auth|sig|credential/i;

export const MASK = '***';

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * A setting's value as it may be printed: a URL keeps its scheme, user,
 * host and path but not its password or credential parameters, and text
 * that fails to parse as a URL loses everything before its last `@` (where
 * a `user:password@` would be) and every `name=value` of a credential
 * parameter. Config errors print a value to say what is wrong with it, and
 * an invalid value is the one most likely to be a mistyped secret.
 */
export function maskSecrets(value: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      if (url.password) url.password = MASK;
      for (const name of [...url.searchParams.keys()]) if (SECRET_PARAM.test(name)) url.searchParams.set(name, MASK);
      // URLSearchParams percent-encodes the mask.
      return url.toString().replaceAll(encodeURIComponent(MASK), MASK);
    } catch {
      // Not a URL after all: masked as text below.
    }
  }
  let text = value;
  const at = text.lastIndexOf('@');
  if (at >= 0) {
    const scheme = /^[a-z][a-z0-9+.-]*:(\/\/)?/i.exec(text)?.[0] ?? '';
    text = `${scheme}${MASK}${text.slice(at)}`;
  }
  return text.replace(/([?&;\s]|^)([^=&;\s]+)=([^&;\s]*)/g, (whole: string, lead: string, name: string) =>
    SECRET_PARAM.test(name) ? `${lead}${name}=${MASK}` : whole,
  );
}

/** How a setting's value is shown in an error: a secret setting not at all, any other with its credentials masked. */
export function shownValue(name: string, value: unknown): string {
  if (isSecretName(name)) return MASK;
  if (typeof value === 'string') return JSON.stringify(maskSecrets(value));
  return JSON.stringify(value) ?? String(value);
}
