/**
 * Bearer tokens: JWT with HS256 (RFC 7519), written out with node:crypto rather than a library so
 * the verifier accepts exactly one thing — the header we issue, signed with this installation's key.
 * Anything else (`alg: none`, HS512, RS256, a re-encoded header, a bad or foreign signature, an
 * expired `exp`) is refused with the same message, so a caller learns nothing about why.
 */
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { AppError } from '../../shared/errors';

export interface TokenClaims {
  /** The user id, as a string (RFC 7519). */
  sub: string;
  /** The session id (128 random bits, base64url). */
  jti: string;
  /** Issued at / expires at, in seconds since the epoch. */
  iat: number;
  exp: number;
}

export const INVALID_SESSION_MESSAGE = 'Sign in again: the session is invalid or has expired';

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const PART_RE = /^[A-Za-z0-9_-]+$/;

function invalid(): AppError {
  return new AppError('UNAUTHENTICATED', INVALID_SESSION_MESSAGE, { reason: 'auth.invalidSession' });
}

/**
 * The installation's key as a KeyObject, made once per key: an HMAC from a KeyObject costs ~1.3 µs,
 * from the raw Buffer ~8 µs (node:crypto imports the key again each time), on every signed-in request.
 */
const keyObjects = new WeakMap<Buffer, KeyObject>();
function keyOf(secret: Buffer): KeyObject {
  let key = keyObjects.get(secret);
  if (!key) {
    key = createSecretKey(secret);
    keyObjects.set(secret, key);
  }
  return key;
}

function sign(signingInput: string, secret: Buffer): string {
  return createHmac('sha256', keyOf(secret)).update(signingInput).digest('base64url');
}

export function signToken(claims: TokenClaims, secret: Buffer): string {
  const payload = Buffer.from(JSON.stringify({ sub: claims.sub, jti: claims.jti, iat: claims.iat, exp: claims.exp })).toString('base64url');
  const signingInput = `${HEADER}.${payload}`;
  return `${signingInput}.${sign(signingInput, secret)}`;
}

function isClaims(v: unknown): v is TokenClaims {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    typeof c.sub === 'string' && /^\d+$/.test(c.sub) && typeof c.jti === 'string' && c.jti.length > 0 &&
    Number.isSafeInteger(c.iat) && Number.isSafeInteger(c.exp)
  );
}

/**
 * Tokens whose signature already checked out, per key, with their claims: a desk sends the same
 * token with every request, and its HMAC was ~5 % of a booking's CPU in the host (benchmark 7's
 * profile). Only the exact string that verified is found here (the signature is part of it), and
 * expiry is still checked on every call. Bounded: the oldest entry goes when it is full.
 */
const VERIFIED_MAX = 512;
const verified = new WeakMap<Buffer, Map<string, TokenClaims>>();

/** The claims of a token this installation signed and that has not expired at `nowMs`; throws 401 otherwise. */
export function verifyToken(token: string, secret: Buffer, nowMs: number): TokenClaims {
  let known = verified.get(secret);
  const cached = known?.get(token);
  if (cached) {
    if (cached.exp * 1000 <= nowMs) throw invalid();
    return { ...cached };
  }
  const claims = verifySignedToken(token, secret, nowMs);
  if (!known) verified.set(secret, (known = new Map()));
  if (known.size >= VERIFIED_MAX) known.delete(known.keys().next().value!);
  known.set(token, claims);
  return { ...claims };
}

function verifySignedToken(token: string, secret: Buffer, nowMs: number): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => PART_RE.test(p))) throw invalid();
  const [header, payload, signature] = parts as [string, string, string];
  // Only the exact header we issue: this refuses `none`, HS512, RS256 and any header trickery at once.
  if (header !== HEADER) throw invalid();
  const expected = Buffer.from(sign(`${header}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!isClaims(claims) || claims.exp * 1000 <= nowMs) throw invalid();
  return { sub: claims.sub, jti: claims.jti, iat: claims.iat, exp: claims.exp };
}
