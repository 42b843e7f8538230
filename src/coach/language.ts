// Which language a draft is written in, so the English rules stay silent on anything else. Function words
// tell Latin-script languages apart (a reply is full of them); other scripts are told apart by their letters.

const STOPWORDS: Record<string, string> = {
  en: "the and you your to of is it that we for this be will with have are not can on please thank thanks sorry our my i i'll we'll i'm we're you're that's it's there's don't can't won't didn't doesn't isn't would could has was been if at as by from an or all any get know what when where how why there here just about out up so do did does hi hello dear regards cheers order refund fault help email call today tomorrow week day account item delivery team back again sent send still new yes no ok okay soon now asap sure done great perfect noted fine fixed sorted received welcome got sounds good glad hope happy see let us them they he she his her its who which should must also very more some only just over into been being had here please regards best kind",

  es: 'el la los las de que y en un una por para con no es su lo le gracias hola usted del al muy pero está estamos su sus hemos nos se le ya como más este esta favor',
  fr: 'le la les de des du et en un une est pour que qui pas vous nous votre vos merci bonjour avec sur je ce dans nous avons sont cette être bien très',
  de: 'der die das und ist nicht sie ich wir mit den dem ein eine für auf zu es ihr ihre ihnen danke bitte sehr wird werden haben ihnen sich auch noch uns',
  it: 'il lo gli di che è un una per con non sono ciao grazie suo sua del della siamo abbiamo questo questa anche ma più ci',
  pt: 'o os as de que em um uma para com não é seu sua obrigado obrigada olá do da no na você pedido estamos mais pelo pela',
  nl: 'de het een en van ik je niet is dat op te zijn wij we u uw voor met bedankt dank hallo graag wordt hebben ook maar',
  sv: 'och att det är en ett jag vi inte för med på till du din tack hej har kan som om vår ni er',
  da: 'og at det er en et jeg vi ikke for med på til du din tak hej har kan som om vores jer',
  no: 'og å det er en et jeg vi ikke for med på til du din takk hei har kan som om vår dere',
  pl: 'w na z do nie się że jest to jak dla po ale pan pani dziękuję zamówienie czy już tak jesteśmy',
  tr: 've bir bu da de için ile değil çok teşekkür teşekkürler merhaba siparişiniz size sizin',
  id: 'dan yang di ke dari ini itu untuk dengan tidak kami anda terima kasih akan sudah',
};

const WORDS = new Map<string, string[]>();
for (const [lang, list] of Object.entries(STOPWORDS)) {
  for (const w of list.split(' ')) WORDS.set(w, [...(WORDS.get(w) ?? []), lang]);
}

// Letters only some Latin-script languages use; each one is strong evidence.
const MARKS: [RegExp, string][] = [
  [/[ñ¿¡]/g, 'es'], [/[çœ]|\b(?:à|où)\b/g, 'fr'], [/[ßäöü]/g, 'de'], [/[ãõ]/g, 'pt'],
  [/[åæø]/g, 'no'], [/[ąęłńśźż]/g, 'pl'], [/[ğış]/g, 'tr'],
];

const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/g, 'ja'], [/[\uac00-\ud7af]/g, 'ko'], [/[\u4e00-\u9fff]/g, 'zh'], [/[\u0400-\u04ff]/g, 'ru'],
  [/[\u0370-\u03ff]/g, 'el'], [/[\u0600-\u06ff]/g, 'ar'], [/[\u0590-\u05ff]/g, 'he'], [/[\u0e00-\u0e7f]/g, 'th'],
  [/[\u0900-\u097f]/g, 'hi'],
];

/** ISO 639-1 code of the text's language, "und" when there is too little to tell. */
export function detectLanguage(text: string): string {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const latin = (sample.match(/[a-zA-Z\u00c0-\u024f]/g) ?? []).length;
  let best = '';
  let bestCount = 0;
  for (const [re, lang] of SCRIPTS) {
    const n = (sample.match(re) ?? []).length;
    if (n > bestCount) [best, bestCount] = [lang, n];
  }
  // Japanese writes with kanji as well as kana: any kana beside the Han characters makes it Japanese.
  if (best === 'zh' && /[\u3040-\u30ff]/.test(sample)) best = 'ja';
  if (best === 'ru' && /[іїєґ]/i.test(sample)) best = 'uk';
  if (bestCount > latin / 2 && bestCount >= 2) return best;
  if (latin < 2) return 'und';

  const scores = new Map<string, number>();
  const lower = sample.toLowerCase();
  for (const w of lower.match(/[\p{L}']+/gu) ?? []) {
    for (const lang of WORDS.get(w) ?? []) scores.set(lang, (scores.get(lang) ?? 0) + 1);
  }
  for (const [re, lang] of MARKS) {
    const n = (lower.match(re) ?? []).length;
    if (n) scores.set(lang, (scores.get(lang) ?? 0) + Math.min(n, 5) * 0.5);
  }
  let lang = 'und';
  let top = 0;
  for (const [l, s] of scores) {
    if (s > top || (s === top && l === 'en')) [lang, top] = [l, s];
  }
  if (top === 0) return 'und';
  return lang;
}
