import type { IdentityKind } from '../db/types.ts';

export type Identity = { kind: IdentityKind; value: string };

/** The stored form of an identity, so that the same address or number always matches itself. */
export function normalizeIdentity(kind: IdentityKind, raw: string): string {
  const v = raw.trim();
  if (kind === 'email') return v.toLowerCase();
  if (kind === 'phone') {
    const digits = v.replace(/[\s().\-/]/g, '');
    return digits.startsWith('00') ? `+${digits.slice(2)}` : digits;
  }
  return v;
}

export const phonePattern = /^\+?[0-9]{5,20}$/;

/** Identities from the API's emails/phones/externalIds lists, normalised and without repeats. */
export function identitiesFrom(input: { emails?: string[]; phones?: string[]; externalIds?: string[] }): Identity[] {
  const out = new Map<string, Identity>();
  const add = (kind: IdentityKind, values: string[] | undefined) => {
    for (const raw of values ?? []) {
      const value = normalizeIdentity(kind, raw);
      out.set(`${kind}:${value}`, { kind, value });
    }
  };
  add('email', input.emails);
  add('phone', input.phones);
  add('external', input.externalIds);
  return [...out.values()];
}
