/** Examples for the OpenAPI document: one key, and a checkpoint it signed (they verify). */
export const CHECKPOINT_EXAMPLE =
  'customer-workspace\n42\nUNhY4JhezH9gQYqvDMWrWH9CwlcKiECVqejMrND2VFw=\n\n' +
  '\u2014 customer-workspace 3KVP8vad5wJIqb5RoiEoL826qSHxrXweNMvQwp/t/iWDROWNFg5pgt8yU5lDYlFv5JtMSBCjP6bKyqEipK42FXPk1AU=\n';

export const PUBLIC_KEY_PEM_EXAMPLE =
  '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEACCOIdOU59jiaUsNDpRg6+mLlnYNTfomMQsugXRi6+xM=\n-----END PUBLIC KEY-----\n';

export const VERIFIER_KEY_EXAMPLE =
  'customer-workspace+dca54ff2+AQgjiHTlOfY4mlLDQ6UYOvpi5Z2DU36JjELLoF0YuvsT';

export const HASH_EXAMPLE = 'UNhY4JhezH9gQYqvDMWrWH9CwlcKiECVqejMrND2VFw=';
