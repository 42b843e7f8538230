import { createHash, randomBytes } from 'node:crypto';

// A survey token is 32 random bytes in base64url (43 characters); only its SHA-256 is stored, as for every token.
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** A new unguessable survey token and the hash to store. */
export function newSurveyToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSurveyToken(token) };
}

/** The stored form of a token. */
export function hashSurveyToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a string can be a survey token at all (anything else is a 404 without touching the database). */
export const isTokenShaped = (token: string) => tokenPattern.test(token);
