/**
 * Separates what the sender wrote now from the quoted history and signature below it, for display.
 * The full text is always kept; this only decides what is shown first.
 */
const historyStarts = [
  /^On .{1,200}(wrote|schrieb|a écrit|escribió):\s*$/i, // On Mon, 3 Jun 2024 at 10:00, Ana <ana@x> wrote:
  /^Le .{1,200} a écrit\s*:\s*$/i,
  /^Am .{1,200} schrieb .{0,200}:\s*$/i,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Forwarded message)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/, // Outlook's rule above the quoted headers
  /^From:\s.+$/i, // a quoted header block (Outlook) once a blank line precedes it
];
const signatureStarts = [/^-- ?$/, /^Sent from my (iPhone|iPad|Android|mobile)/i, /^Get Outlook for /i];

export function splitQuoted(text: string): { newText: string; quoted: string } {
  const lines = text.split(/\r?\n/);
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const quoteBlock = line.startsWith('>') && lines.slice(i).every((l) => l.trim() === '' || l.trim().startsWith('>'));
    const header = historyStarts.some((re) => re.test(line)) && (!/^From:/i.test(line) || i === 0 || lines[i - 1]!.trim() === '');
    const signature = signatureStarts.some((re) => re.test(line));
    if (quoteBlock || header || signature) {
      cut = i;
      break;
    }
  }
  const newText = lines.slice(0, cut).join('\n').trim();
  // A message that is all quote (a bare forward) keeps its text as the new text.
  if (!newText) return { newText: text.trim(), quoted: '' };
  return { newText, quoted: lines.slice(cut).join('\n').trim() };
}
