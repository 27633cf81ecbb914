import { errors, jwtVerify, SignJWT } from 'jose';
import { Unauthenticated } from './auth.errors.js';
import { isRole, type Principal, type Role } from './roles.js';

const ALGORITHM = 'HS256';

/**
 * Verifies a bearer token: HS256 only (so `alg: none` and any other algorithm are refused),
 * signed with our key, `exp` required and not past, `nbf` (if any) reached, and the claims
 * `sub`, `upn`, `tid` (strings) and `roles` (a non-empty array of known roles).
 */
export async function verifyToken(token: string, key: Uint8Array): Promise<Principal> {
  return (await verifyTokenLifetime(token, key)).principal;
}

/** A verified token's principal and the span it is valid in (epoch seconds, as jose counts). */
export interface VerifiedToken {
  readonly principal: Principal;
  /** `nbf`, or undefined: valid from issue. */
  readonly notBefore?: number;
  /** `exp`: valid strictly before it. */
  readonly expiresAt: number;
}

/** `verifyToken`, also answering how long the token stays valid (see `VerifiedTokens`). */
export async function verifyTokenLifetime(token: string, key: Uint8Array): Promise<VerifiedToken> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      requiredClaims: ['exp', 'sub'],
    }));
  } catch (error) {
    throw new Unauthenticated(describe(error));
  }
  const { sub, upn, tid, roles } = payload;
  if (typeof sub !== 'string' || sub === '')
    throw new Unauthenticated('The token has no "sub" (user id) claim');
  if (typeof upn !== 'string' || upn === '')
    throw new Unauthenticated('The token has no "upn" claim');
  if (typeof tid !== 'string' || tid === '')
    throw new Unauthenticated('The token has no "tid" (partner id) claim');
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw new Unauthenticated(
      'The token\'s "roles" claim must be a non-empty array of known roles',
    );
  }
  const principal: Principal = { userId: sub, upn, partnerId: tid, roles };
  const { exp, nbf } = payload as { exp: number; nbf?: number };
  return { principal, expiresAt: exp, ...(nbf === undefined ? {} : { notBefore: nbf }) };
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The token's "${error.claim}" claim is not valid now or missing`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token must be signed with HS256';
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'The token signature is not valid';
  return 'The bearer token is malformed';
}

export interface TokenRequest {
  readonly partnerId: string;
  readonly roles: readonly Role[];
  readonly userId?: string;
  readonly upn?: string;
  /** Lifetime, e.g. '1h', '8h', '30m' (jose time span). */
  readonly expiresIn?: string;
}

/** Mints a token the api accepts (CLI `token`, tests). */
export async function issueToken(request: TokenRequest, key: Uint8Array): Promise<string> {
  const userId = request.userId ?? `${request.partnerId}-agent`;
  return new SignJWT({
    upn: request.upn ?? `${userId}@${request.partnerId}.example`,
    tid: request.partnerId,
    roles: [...request.roles],
  })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(key);
}
