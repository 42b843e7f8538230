import { html, trusted, type SafeHtml } from '../knowledge/help/html.ts';
import { COMMENT_MAX, type SurveyView } from './answer.ts';

const style = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f6f7}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px}
h1{font-size:1.4rem;margin-top:0}
ul.ratings{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
ul.ratings a{display:inline-block;padding:.5rem .9rem;border:1px solid #0b57d0;border-radius:6px;color:#0b57d0;text-decoration:none}
ul.ratings a[aria-current]{background:#0b57d0;color:#fff}
label{display:block;font-weight:600;margin:.5rem 0}
textarea{width:100%;box-sizing:border-box;min-height:8rem;font:inherit}
button{margin-top:.75rem;padding:.5rem 1rem;font:inherit;background:#0b57d0;color:#fff;border:0;border-radius:6px}
blockquote{white-space:pre-wrap;border-left:3px solid #ccc;margin:0;padding-left:1rem}
.hint{color:#555}`;

/** The page frame of the survey pages (no scripts). */
export function surveyLayout(p: { title: string; workspace: string; content: SafeHtml }): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${p.title} · ${p.workspace}</title>
<style>${trusted(style)}</style>
</head>
<body>
<main>
${p.content}
</main>
</body>
</html>`.value;
}

const ratingText = (s: SurveyView, rating: number) => (s.scale === 'binary' ? (rating >= 4 ? 'Good' : 'Bad') : `${rating} of 5`);

function choices(s: SurveyView, path: string): SafeHtml {
  const opts = s.scale === 'binary' ? [{ v: 'good', n: 5, label: 'Good' }, { v: 'bad', n: 1, label: 'Bad' }] : [1, 2, 3, 4, 5].map((n) => ({ v: String(n), n, label: String(n) }));
  return html`<ul class="ratings">${opts.map((o) => html`<li><a href="${path}?rating=${o.v}"${s.rating === o.n ? trusted(' aria-current="true"') : ''}>${o.label}${s.scale === 'five' && o.n === 1 ? ' (very poor)' : ''}${s.scale === 'five' && o.n === 5 ? ' (excellent)' : ''}</a></li>`)}</ul>`;
}

/** The survey as the customer sees it: the question, or the thanks with the comment form while one can be sent. */
export function surveyPage(s: SurveyView, token: string): SafeHtml {
  const path = `/survey/${token}`;
  if (s.rating === null) {
    return html`<h1>How did we do on #${s.number} ${s.subject}?</h1>
${s.open ? html`<p>Choose one answer; one click is enough.</p>${choices(s, path)}` : html`<p>This survey has closed. Thank you all the same.</p>`}`;
  }
  const commentForm = s.comment === null && s.open
    ? html`<form method="post" action="${path}">
<input type="hidden" name="rating" value="${s.scale === 'binary' ? (s.rating >= 4 ? 'good' : 'bad') : String(s.rating)}">
<label for="survey-comment">Anything you would like to tell us? (optional)</label>
<textarea id="survey-comment" name="comment" maxlength="${COMMENT_MAX}"></textarea>
<button type="submit">Send comment</button>
</form>`
    : '';
  return html`<h1>Thanks for your answer</h1>
<p>You rated #${s.number} ${s.subject}: <strong>${ratingText(s, s.rating)}</strong>.</p>
${!s.ratingFinal && s.open ? html`<p class="hint">Changed your mind? Pick another answer:</p>${choices(s, path)}` : ''}
${s.comment !== null ? html`<p>Your comment:</p><blockquote>${s.comment}</blockquote><p>Thank you for taking the time to tell us.</p>` : commentForm}`;
}

/** An error page for the survey (not found, closed, too many requests). */
export function surveyErrorPage(heading: string, message: string): SafeHtml {
  return html`<h1>${heading}</h1>
<p>${message}</p>`;
}
