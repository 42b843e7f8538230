import { html, trusted, type SafeHtml } from '../knowledge/help/html.ts';
import { acceptedExtensions, maxFiles } from './uploads.ts';

export type FormValues = { name: string; email: string; subject: string; message: string };
export type FieldErrors = Partial<Record<keyof FormValues | 'attachments' | 'form', string>>;
export type Offered = { title: string; slug: string; snippet: string };

const style = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fafafa}
header,main{max-width:40rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid #ddd}
header a{color:inherit;text-decoration:none;font-weight:600}
a{color:#0b57a4}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
main{overflow-wrap:anywhere}
.field{margin:0 0 1rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
input[type=text],input[type=email],textarea{width:100%;padding:.5rem;font:inherit;border:1px solid #767676;border-radius:4px;background:#fff}
input[type=file]{max-width:100%;font:inherit}
textarea{min-height:10rem;resize:vertical}
[aria-invalid=true]{border-color:#b3261e;border-width:2px}
.error{color:#b3261e;margin:.25rem 0 0}
.alert{padding:.5rem .75rem;background:#fdecea;border:1px solid #e0a39e;margin:0 0 1rem}
.hint,.meta{color:#555;font-size:.95rem;margin:.25rem 0 0}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.25rem}
button{padding:.5rem 1rem;font:inherit;border:1px solid #0b57a4;background:#0b57a4;color:#fff;border-radius:4px;cursor:pointer}
button.secondary{background:#fff;color:#0b57a4}
.notice{padding:.75rem;background:#e7f3e8;border:1px solid #9c9}
ul.list{padding-left:1.2rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f0f0f0;padding:.75rem;font:inherit}
`;

/** The frame of every contact form page. */
export function formLayout(p: { title: string; workspace: string; content: SafeHtml }): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} · ${p.workspace}</title>
<style>${trusted(style)}</style>
</head>
<body>
<header><a href="/help">${p.workspace} help center</a></header>
<main>
${p.content}
</main>
</body>
</html>`.value;
}

const errorId = (field: string) => `${field}-error`;

/** aria attributes and the message shown beside a field that has a problem. */
function problem(errors: FieldErrors, field: keyof FieldErrors): { attrs: SafeHtml; note: SafeHtml } {
  const msg = errors[field];
  if (!msg) return { attrs: html``, note: html`` };
  return {
    attrs: html` aria-invalid="true" aria-describedby="${errorId(field)}"`,
    note: html`<p class="error" id="${errorId(field)}">${msg}</p>`,
  };
}

function summary(errors: FieldErrors): SafeHtml {
  const n = Object.keys(errors).length;
  if (n === 0) return html``;
  const head = errors.form ?? (n === 1 ? 'Please correct the field marked below.' : 'Please correct the fields marked below.');
  return html`<div class="alert" role="alert"><p>${head}</p></div>`;
}

/** Step one: who the customer is and what they need; "Continue" shows suggested articles. */
export function requestForm(v: FormValues, errors: FieldErrors = {}): SafeHtml {
  const name = problem(errors, 'name');
  const email = problem(errors, 'email');
  const subject = problem(errors, 'subject');
  const message = problem(errors, 'message');
  return html`<h1>Contact support</h1>
${summary(errors)}
<form method="post" action="/support/new" novalidate>
<div class="field"><label for="name">Your name <span class="meta">(optional)</span></label>
<input type="text" id="name" name="name" value="${v.name}" maxlength="200" autocomplete="name"${name.attrs}>${name.note}</div>
<div class="field"><label for="email">Email address</label>
<input type="email" id="email" name="email" value="${v.email}" maxlength="320" autocomplete="email" required${email.attrs}>${email.note}
<p class="hint">We reply to this address.</p></div>
<div class="field"><label for="subject">Subject</label>
<input type="text" id="subject" name="subject" value="${v.subject}" maxlength="200" required${subject.attrs}>${subject.note}</div>
<div class="field"><label for="message">How can we help?</label>
<textarea id="message" name="message" maxlength="20000" required${message.attrs}>${v.message}</textarea>${message.note}</div>
<div class="hp" aria-hidden="true"><label for="website">Leave this field empty</label>
<input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off"></div>
<div class="actions"><button type="submit" name="step" value="continue">Continue</button></div>
</form>`;
}

/** Step two: articles that may already answer the question, the files, and "Send my request". */
export function confirmForm(v: FormValues, offered: Offered[], errors: FieldErrors = {}): SafeHtml {
  const files = problem(errors, 'attachments');
  return html`<h1>${offered.length ? 'Before you send' : 'Almost done'}</h1>
${summary(errors)}
${offered.length
  ? html`<section aria-labelledby="suggested"><h2 id="suggested">Did one of these answer your question?</h2>
<ul class="list">${offered.map((a) => html`<li><a href="/help/articles/${encodeURIComponent(a.slug)}">${a.title}</a><br><span class="meta">${a.snippet}</span></li>`)}</ul>
<p>If not, send your request below and we will get back to you.</p></section>`
  : ''}
<h2>Your request</h2>
<p><strong>${v.subject}</strong></p>
<pre>${v.message}</pre>
<form method="post" action="/support/new/send" enctype="multipart/form-data">
<input type="hidden" name="name" value="${v.name}">
<input type="hidden" name="email" value="${v.email}">
<input type="hidden" name="subject" value="${v.subject}">
<input type="hidden" name="message" value="${v.message}">
<div class="hp" aria-hidden="true"><label for="website">Leave this field empty</label>
<input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off"></div>
<div class="field"><label for="attachments">Attach files <span class="meta">(optional)</span></label>
<input type="file" id="attachments" name="attachments" multiple accept="${acceptedExtensions.join(',')}"${files.attrs}>${files.note}
<p class="hint">Up to ${maxFiles} files: images, PDF, text, office documents or zip.</p></div>
<div class="actions"><button type="submit">Send my request</button>
<button type="submit" class="secondary" formaction="/support/new" formenctype="application/x-www-form-urlencoded" name="step" value="edit">Edit my request</button></div>
</form>`;
}

/** The receipt: the reference and when the customer can expect a reply. */
export function sentPage(p: { reference: string; email: string; replyBy: string | null }): SafeHtml {
  return html`<h1>Thank you, we have your request</h1>
<div class="notice" role="status"><p>Your reference is <strong>${p.reference}</strong>.</p>
<p>${p.replyBy ? html`We'll reply by ${p.replyBy}.` : html`We'll reply as soon as we can.`}</p></div>
<p>Our answer will come by email to <strong>${p.email}</strong>. Please quote ${p.reference} if you write to us about it.</p>
<p><a href="/help">Browse the help center</a></p>`;
}

/** A page that says what went wrong and leads back to the form. */
export function problemPage(heading: string, message: string): SafeHtml {
  return html`<h1>${heading}</h1>
<p>${message}</p>
<p><a href="/support/new">Back to the contact form</a></p>`;
}
