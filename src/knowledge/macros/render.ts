/**
 * Macro bodies are plain text with {{placeholders}} (whitespace inside the braces is allowed). Rendering is
 * pure text substitution in one pass: values are inserted as they are, never read as HTML and never expanded
 * again, so a customer called "{{agent.name}}" or "<script>" stays exactly that text.
 *
 * Fallbacks for a missing or blank value: the name placeholders (customer.name, customer.firstName,
 * agent.name, agent.firstName) become "there" (so "Hi {{customer.firstName}}," reads "Hi there,"); every
 * other placeholder becomes the empty string.
 */

/** Every placeholder a macro body may use. */
export const placeholders = [
  'customer.name',
  'customer.firstName',
  'customer.email',
  'ticket.number',
  'ticket.subject',
  'ticket.status',
  'agent.name',
  'agent.firstName',
  'workspace.name',
] as const;
export type Placeholder = (typeof placeholders)[number];
export type MacroValues = Partial<Record<Placeholder, string | number | null>>;

const known = new Set<string>(placeholders);
const nameFallback = 'there';
const namePlaceholders = new Set<string>(['customer.name', 'customer.firstName', 'agent.name', 'agent.firstName']);
// {{ name }}: no braces inside, so "{{{x}}}" reads as "{" + {{x}} + "}".
const pattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a body uses that Heed does not know, each once, in order of first use. */
export function unknownPlaceholders(body: string): string[] {
  const found = new Set<string>();
  for (const m of body.matchAll(pattern)) if (!known.has(m[1]!)) found.add(m[1]!);
  return [...found];
}

/** The body with every known placeholder replaced by its value or fallback; unknown ones are left as written. */
export function renderMacro(body: string, values: MacroValues): string {
  return body.replace(pattern, (whole, name: string) => {
    if (!known.has(name)) return whole;
    const v = values[name as Placeholder];
    const text = v === null || v === undefined ? '' : String(v).trim();
    if (text) return text;
    return namePlaceholders.has(name) ? nameFallback : '';
  });
}

/** The first word of a name, or null for a missing or blank one. */
export const firstNameOf = (name: string | null | undefined): string | null => name?.trim().split(/\s+/)[0] || null;

export type RenderContext = {
  customer: { name: string | null; email: string | null };
  ticket: { number: number; subject: string; status: string };
  agent: { name: string | null };
  workspace: { name: string | null };
};

/** The placeholder values for one ticket, customer, calling agent and workspace. A status reads "on hold", not "on_hold". */
export function valuesFrom(c: RenderContext): MacroValues {
  return {
    'customer.name': c.customer.name,
    'customer.firstName': firstNameOf(c.customer.name),
    'customer.email': c.customer.email,
    'ticket.number': c.ticket.number,
    'ticket.subject': c.ticket.subject,
    'ticket.status': c.ticket.status.replace(/_/g, ' '),
    'agent.name': c.agent.name,
    'agent.firstName': firstNameOf(c.agent.name),
    'workspace.name': c.workspace.name,
  };
}
