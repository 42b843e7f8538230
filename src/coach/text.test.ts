import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from './language.ts';
import { prepare, rawSpan, splitSentences } from './text.ts';

test('sentences end at . ! ? before a capital and at line breaks, but not inside abbreviations or wrapped lines', () => {
  const s = splitSentences('Hi Ann,\nThanks for waiting. Mr. Smith will call at 3 p.m. on Friday! Is that ok?\nThe parcel was\nsent today.\n\nBest,\nJo');
  assert.deepEqual(
    s.map((x) => x.text),
    ['Hi Ann,', 'Thanks for waiting.', 'Mr. Smith will call at 3 p.m. on Friday!', 'Is that ok?', 'The parcel was\nsent today.', 'Best,', 'Jo'],
  );
});

test('quoted history is removed: "> " lines, and everything from "On …, Ann wrote:" down', () => {
  const raw = "Thanks Ann.\n> I'm furious\n> about this\nI'll call you.\n\nOn Tue, 3 Mar 2026 at 10:02, Ann Smith <ann@example.com>\nwrote:\n> Where is my order?\nIt never came.";
  const p = prepare(raw);
  assert.doesNotMatch(p.agent, /furious|Where is|never came/);
  assert.match(p.agent, /Thanks Ann\.[\s\S]*I'll call you\./);
  assert.match(p.quoted, /furious[\s\S]*Where is my order\?[\s\S]*It never came\./);
  assert.deepEqual(p.sentences.map((x) => x.text), ['Thanks Ann.', "I'll call you."]);
});

test('forwarded and Outlook-style history is removed too', () => {
  const outlook = 'Done, see below.\n\nFrom: Ann <ann@example.com>\nSent: Monday, 2 March 2026 09:00\nSubject: Broken\n\nIt is broken!';
  assert.doesNotMatch(prepare(outlook).agent, /broken/i);
  const original = 'Done.\n-----Original Message-----\nIt is broken!';
  assert.doesNotMatch(prepare(original).agent, /broken/i);
});

test('HTML: tags and entities are read, blockquotes are quoted text, and spans map back to the raw draft', () => {
  const raw = '<div>Hello&nbsp;Ann,</div><p>We can&#39;t refund it.</p><blockquote>You people are useless!</blockquote><style>p{color:red}</style>';
  const p = prepare(raw);
  assert.deepEqual(p.sentences.map((x) => x.text), ['Hello Ann,', "We can't refund it."]);
  assert.match(p.quoted, /useless/);
  const second = p.sentences[1]!;
  const span = rawSpan(p, second.start, second.end);
  assert.equal(raw.slice(span.start, span.end), 'We can&#39;t refund it.');
});

test('plain text keeps its < and & characters (it is read as HTML only when it has real markup)', () => {
  const plain = prepare('Is 3 < 5? Yes &amp; no <3');
  assert.equal(plain.agent, 'Is 3 < 5? Yes &amp; no <3');
  const html = prepare('<p>Is 3 &lt; 5? Yes &amp; no.</p>');
  assert.equal(html.agent.trim(), 'Is 3 < 5? Yes & no.');
});

test('language: English, other Latin-script languages, other scripts, and too little to tell', () => {
  assert.equal(detectLanguage("Thanks for your patience, I'll send the replacement today."), 'en');
  assert.equal(detectLanguage("That's billing's fault."), 'en');
  assert.equal(detectLanguage('Gracias por su mensaje, le enviaremos el pedido mañana.'), 'es');
  assert.equal(detectLanguage('Merci pour votre message, nous vous envoyons le colis demain.'), 'fr');
  assert.equal(detectLanguage('Vielen Dank für Ihre Nachricht, wir schicken die Bestellung morgen.'), 'de');
  assert.equal(detectLanguage('Grazie per il messaggio, spediamo il suo ordine domani.'), 'it');
  assert.equal(detectLanguage('Obrigado pela mensagem, enviaremos o seu pedido amanhã.'), 'pt');
  assert.equal(detectLanguage('Bedankt voor uw bericht, wij sturen het pakket morgen.'), 'nl');
  assert.equal(detectLanguage('Спасибо за ваше сообщение, мы отправим заказ завтра.'), 'ru');
  assert.equal(detectLanguage('ご連絡ありがとうございます。明日発送します。'), 'ja');
  assert.equal(detectLanguage('感谢您的来信，我们明天发货。'), 'zh');
  assert.equal(detectLanguage('문의해 주셔서 감사합니다. 내일 발송하겠습니다.'), 'ko');
  assert.equal(detectLanguage('شكرا لرسالتك، سنرسل الطلب غدا.'), 'ar');
  assert.equal(detectLanguage(''), 'und');
  assert.equal(detectLanguage('🙂🙂 12345 !!!'), 'und');
  assert.equal(detectLanguage('xqzv brtk'), 'und');
});

test('the signature under the sign-off is letterhead, not advice: it is not read (a P.S. is)', () => {
  const raw = "Hi Ann,\n\nYour refund is on its way.\n\nKind regards,\nJo Bloggs\nAcme Support\nCall us on 0800 123 456 | www.acme.example\nP.S. I'll call you tomorrow.";
  const p = prepare(raw);
  assert.doesNotMatch(p.agent, /Call us|Acme|Jo Bloggs/);
  assert.match(p.agent, /P\.S\. I'll call you tomorrow\./);
  // "Thanks!" before the body's last sentence is a thank-you, not a sign-off.
  const thanks = prepare("Hi Ann,\nThanks!\nI'll call you tomorrow.\nJo");
  assert.match(thanks.agent, /I'll call you tomorrow/);
});

test('CRLF line endings read like LF: a wrapped line still joins its sentence', () => {
  const p = prepare("Hi Ann,\r\nThe parcel was\r\nsent today.\r\n\r\nJo");
  assert.deepEqual(p.sentences.map((x) => x.text.replace(/\s+/g, ' ')), ['Hi Ann,', 'The parcel was sent today.', 'Jo']);
});

test('chat voice in lower case still splits into sentences, abbreviations do not', () => {
  assert.deepEqual(
    splitSentences("ok. i'll call you tmrw at 10. e.g. the blue one works, approx. three days. thx").map((x) => x.text),
    ['ok.', "i'll call you tmrw at 10.", 'e.g. the blue one works, approx. three days.', 'thx'],
  );
});

test('an emoji written as an HTML entity is two UTF-16 units, and the spans after it stay exact', () => {
  const raw = '<p>&#x1F600; We can&#39;t refund it.</p>';
  const p = prepare(raw);
  const start = p.agent.indexOf('We');
  const end = p.agent.indexOf('it.') + 3;
  assert.equal(p.agent.slice(0, start).trim(), '\u{1F600}');
  const span = rawSpan(p, start, end);
  assert.equal(raw.slice(span.start, span.end), 'We can&#39;t refund it.');
});
