// The coach's public types (re-exported by coach.ts, which is the module callers import).

export type FindingKind = 'cant_focus' | 'blame' | 'channel_redirect' | 'no_acknowledgement';

export type Finding = { kind: FindingKind; start: number; end: number; excerpt: string; message: string; suggestion: string };

export type Commitment = { phrase: string; start: number; end: number; due: string | null; action: string };

export type CoachOptions = {
  /** The moment the draft is written. */
  now: Date;
  /** IANA zone (already validated by the caller) in which relative times are read. */
  timeZone: string;
  /** 'HH:MM', default '09:00'. */
  dayStart?: string;
  /** 'HH:MM', default '17:00'. */
  dayEnd?: string;
  /** Default Monday–Friday. */
  isBusinessDay?: (isoDate: string /* YYYY-MM-DD in timeZone */) => boolean;
  /** The customer's last message on the ticket, if any. */
  context?: string | null;
};

export type CoachResult = { language: string; findings: Finding[]; commitments: Commitment[] };
