/** Whether bytes look like an mbox file (messages separated by "From " lines) rather than one message. */
export function isMbox(raw: Buffer): boolean {
  return raw.subarray(0, 5).toString('latin1') === 'From ' && /\r?\nFrom /.test(raw.subarray(0, 2_000_000).toString('latin1'));
}

/** Splits an mbox file into its messages (mboxrd: ">From " lines are unescaped). */
export function splitMbox(raw: Buffer): Buffer[] {
  const text = raw.toString('latin1');
  const parts = text.split(/\r?\n(?=From )/);
  return parts
    .map((p) => p.replace(/^From [^\n]*\n/, '').replace(/^>(>*From )/gm, '$1'))
    .filter((p) => p.trim().length > 0)
    .map((p) => Buffer.from(p, 'latin1'));
}
