/**
 * The demo bank's help center and macros. Articles are found by slug (locale en) and macros by name, and only the
 * missing ones are created, through the knowledge domain functions, so a second demo run adds none. The articles
 * and macros were written for Heed and are covered by Heed's licence; their facts agree with the agents' replies
 * in content.ts (delivery times, fees, the app's menus).
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { MacroAction } from '../db/types.ts';
import { CreateArticleBody } from '../knowledge/articles/schemas.ts';
import { createArticle } from '../knowledge/articles/service.ts';
import { CreateMacroBody } from '../knowledge/macros/schemas.ts';
import { createMacro } from '../knowledge/macros/service.ts';
import * as C from './content.ts';
import type { People } from './people.ts';

/** One help-center article of the demo bank. */
export type DemoArticle = { slug: string; title: string; category: string; tags: string[]; status: 'published' | 'draft'; body: string };

/** One macro of the demo bank. */
export type DemoMacro = { name: string; body: string; actions: MacroAction[]; tags: string[] };

const md = (...paragraphs: string[]) => paragraphs.join('\n\n');

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    slug: 'card-delivery', title: "Card delivery: when your card arrives, and what if it hasn't", category: 'Cards', tags: ['delivery', 'card-arrival'], status: 'published',
    body: md(
      'We post new and replacement cards the working day after you order them. Most cards arrive **within 3-5 working days** in the UK and **up to 10 working days** abroad. You can follow your card in the app under **Cards**, where a tracking link appears once the courier has it.',
      "## My card still hasn't arrived",
      '1. Check the delivery address under **Account > Personal details**. If you moved recently, update it first.',
      '2. Wait until 10 working days have passed since you ordered: cards are sometimes held up in the post.',
      "3. If it still hasn't arrived, contact us. We cancel the missing card so nobody else can use it and send a new one by express delivery, free of charge.",
      'Your PIN stays the same on a replacement card. Until it arrives you can pay with the virtual card in the app.',
    ),
  },
  {
    slug: 'lost-or-stolen-card', title: 'Lost or stolen card', category: 'Cards', tags: ['fraud', 'lost-or-stolen-card'], status: 'published',
    body: md(
      "If you can't find your card, **freeze it straight away** in the app under **Cards > Freeze card**. A frozen card can't be used for payments, cash withdrawals or online purchases, and you can unfreeze it in one tap if it turns up.",
      'If you are sure the card is gone, or it was stolen, choose **Cards > Report lost or stolen**. This cancels the card for good and orders a replacement. Your PIN stays the same.',
      "Then look through your transactions from the last few days. If you see a payment you don't recognise, tell us the date and amount: we dispute it and give you a temporary credit while we investigate.",
      'While you wait for the new card, the virtual card in the app, Apple Pay and Google Pay keep working.',
    ),
  },
  {
    slug: 'card-payment-declined', title: 'Why was my card payment declined?', category: 'Cards', tags: ['card-issue', 'declined-card-payment'], status: 'published',
    body: md(
      'A declined payment is nearly always one of a few things, and you can check most of them yourself in the app.',
      '- **Security settings:** under **Cards > Security**, make sure the card, contactless and online payments are switched on.',
      '- **First use:** a new card needs one chip-and-PIN payment before contactless works.',
      '- **Balance and limits:** check your balance and the spending limits under **Account > Plan**.',
      '- **Frozen card:** a card you froze stays frozen until you unfreeze it.',
      "- **The shop's terminal:** some terminals refuse cards offline without asking us. Try again, or pay another way.",
      "If none of these explain it, contact us with the shop's name, the amount and the time, and we will look up what happened.",
    ),
  },
  {
    slug: 'pin-change-or-unblock', title: 'See, change or unblock your PIN', category: 'Cards', tags: ['pin', 'change-pin', 'pin-blocked'], status: 'published',
    body: md(
      'You can see your PIN at any time in the app under **Cards > Show PIN**, after confirming it is you.',
      "**To change your PIN,** use any ATM that offers PIN services: insert your card, enter your current PIN and choose the option to change it. Pick a number that is hard to guess; birthdays and repeated digits aren't allowed.",
      '**If your PIN is blocked** after three wrong attempts, open **Cards > Show PIN** and tap **Unblock PIN**. To finish, put your card in any ATM and check your balance with your PIN: this updates the chip. Contactless and online payments work again straight away.',
      "If the Unblock PIN button says it isn't available, contact us and we can unblock it from our side.",
    ),
  },
  {
    slug: 'refund-not-received', title: "A refund hasn't reached my account", category: 'Payments', tags: ['refund', 'request-refund'], status: 'published',
    body: md(
      'A refund for a card payment is sent by the shop, not by us, so it starts when the shop processes it. Once the shop has sent it, a refund usually reaches your balance **within 5 working days**, and it shows under the same shop name as the original payment.',
      "## If it's taking longer",
      "- Ask the shop to confirm the refund was sent and for its reference number.",
      '- Check that the refund went to the same card you paid with.',
      '- If the shop has confirmed it more than 5 working days ago, contact us with the shop, the amount and the reference, and we will trace it with the card network.',
      "If a shop refuses to refund something you returned or never received, tell us: we can raise a chargeback for you.",
    ),
  },
  {
    slug: 'exchange-rates-and-fees', title: 'Exchange rates and fees', category: 'Payments', tags: ['fees', 'exchange-rate', 'card-payment-fee-charged'], status: 'published',
    body: md(
      'When you pay or withdraw cash in another currency, we convert the amount at the exchange rate of the moment the shop confirms the payment. That is usually the same day, but it can be a few days later, so the final amount may differ slightly from what the app showed when you paid.',
      'On weekends, when currency markets are closed, we add a **0.5% markup** to protect against large rate changes. Your plan may include a monthly allowance of fee-free cash withdrawals; after that a small fee applies. See **Account > Plan** for the figures that apply to you.',
      '**A charge you did not expect?** Hotels, car hire firms and some online shops take a small temporary authorisation, often £1, to check your card. It drops off by itself within a few days and is never taken.',
    ),
  },
  {
    slug: 'top-up', title: 'Topping up your account', category: 'Payments', tags: ['top-up', 'topping-up-by-card'], status: 'published',
    body: md(
      'You can add money to your account in two ways, both from **Top up** in the app.',
      '- **By debit card:** instant. Add the card under **Top up > Cards > Add card** and complete the security check from your bank.',
      '- **By bank transfer:** free, and usually arrives within minutes. Use the account details shown under **Top up > Bank transfer**, with your own name as the reference.',
      "## My top-up failed or hasn't arrived",
      "If the money left your other account but isn't on your balance, your card's bank most likely declined the top-up and is holding the amount. The hold drops off within 3 working days. Adding the card again usually fixes it; if it keeps failing, contact us with the date, amount and method.",
    ),
  },
  {
    slug: 'verify-your-identity', title: 'Verifying your identity', category: 'Account & security', tags: ['kyc', 'verify-my-identity'], status: 'published',
    body: md(
      "The law requires us to check the identity of everyone who opens an account. It protects you, and it keeps fraud out. You'll need a valid **passport, driving licence or national ID card** and a selfie.",
      'Verification usually finishes within 10 minutes. A few checks go to a person for review, which can take up to 48 hours; we email you when it is done.',
      "## If your document isn't accepted",
      '- Put the document on a dark, plain surface and turn off the flash to avoid glare.',
      '- Make sure all four corners are in the picture and the text is sharp.',
      '- Take the selfie facing a window, without a hat or sunglasses.',
      "If it fails three times, contact us and we will reset your verification. A passport is accepted most often.",
    ),
  },
  {
    slug: 'pending-transfer', title: 'A transfer is pending or missing', category: 'Transfers', tags: ['transfer', 'pending-transfer'], status: 'published',
    body: md(
      'Transfers within the UK usually arrive **within minutes**. International transfers take **1-3 working days**, and some are given a routine security check that adds a day. The first payment to a new payee can also be held briefly while we confirm it is really you.',
      '## What you can do',
      "- Open the transfer in the app: if it says **processing**, it hasn't left us yet, and you may still be able to cancel it there.",
      '- If it says **completed**, it has left us. Share the reference shown on the transfer with your recipient so their bank can find it.',
      "- If a completed transfer is still missing after 2 working days, contact us with the amount, the date and the recipient, and we will trace it with the receiving bank.",
    ),
  },
  {
    slug: 'dispute-a-payment', title: "Disputing a payment you don't recognise", category: 'Payments', tags: ['dispute', 'fraud', 'card-payment-not-recognised'], status: 'published',
    body: md(
      "Shops sometimes use a trading name that differs from the name on their door, so first tap the payment in the app: it shows the shop's details and location, which often explains it.",
      "If you still don't recognise it, **freeze your card** under **Cards > Freeze card** and contact us with the date, the amount and the name shown. If the payment isn't yours, we open a dispute and credit the amount back to you while it is investigated. We also cancel the card and send you a new one, in case the number is known to someone else.",
      '**Charged twice?** One of the two is often a pending authorisation that disappears within a few days. If both say completed, tell us and we will refund the duplicate.',
    ),
  },
  {
    slug: 'closing-your-account', title: 'Closing your account', category: 'Account & security', tags: ['closure', 'terminate-account'], status: 'draft',
    body: md(
      "You can close your account at any time, free of charge. Before you do, move any remaining balance out under **Transfers > To bank account**, and remember that direct debits and subscriptions on your card will stop.",
      'To close it, contact us from the app or by email and say you want to close your account. We check that there are no pending payments, close the account and cancel your cards, usually the same day.',
      "You'll get a final statement by email within a day. Your past statements stay available to download from our website for 6 years. If something made you want to leave, tell us: we may be able to put it right.",
    ),
  },
  {
    slug: 'atm-kept-card-or-wrong-cash', title: 'An ATM kept my card or gave me the wrong amount', category: 'Cards', tags: ['atm', 'card-swallowed', 'wrong-amount-of-cash-received'], status: 'draft',
    body: md(
      "**If a cash machine kept your card,** it can't be given back to you, even by the bank that owns the machine. Cancel the card in the app under **Cards > Report lost or stolen**, and we send a replacement free of charge within 3-5 working days. Your PIN stays the same.",
      "**If the machine gave you less cash than you asked for,** keep any receipt and contact us with the machine's location, the date and time, the amount you asked for and the amount you got. We raise a claim with the ATM operator and credit the missing amount while they count the machine, which can take up to 10 working days.",
    ),
  },
];

export const DEMO_MACROS: DemoMacro[] = [
  {
    name: 'Card on its way',
    body: "Hi {{customer.firstName}},\n\nThanks for your patience. Your card has been posted and usually arrives within 3-5 working days in the UK (up to 10 abroad). You can follow it in the app under Cards, and activate it there when it arrives; your PIN stays the same.\n\nIf it hasn't arrived after 10 working days, reply to this ticket (#{{ticket.number}}) and we'll send a new one by express delivery at no cost.\n\nBest wishes,\n{{agent.firstName}}",
    actions: [{ type: 'add_tag', tag: 'delivery' }],
    tags: ['delivery', 'cards'],
  },
  {
    name: 'Refund timing',
    body: "Hi {{customer.firstName}},\n\nA refund for a card payment is sent by the shop, and once they have sent it, it usually reaches your balance within 5 working days under the shop's name. If the shop confirmed the refund more than 5 working days ago, please reply with their reference and the amount, and we'll trace it with the card network.\n\nBest wishes,\n{{agent.firstName}}",
    actions: [{ type: 'add_tag', tag: 'refund' }],
    tags: ['refund', 'payments'],
  },
  {
    name: 'Ask for ID verification',
    body: "Hi {{customer.firstName}},\n\nBefore we can go further with this request, we need to confirm your identity. Please open the app and follow Account > Verify identity: you'll need a valid passport, driving licence or national ID card and a selfie in good light. It usually takes about 10 minutes.\n\nReply here once it's done and we'll pick up ticket #{{ticket.number}} straight away.\n\nThanks,\n{{agent.firstName}}",
    actions: [{ type: 'add_tag', tag: 'kyc' }, { type: 'set_status', status: 'pending' }],
    tags: ['kyc', 'accounts'],
  },
  {
    name: 'Lost card blocked',
    body: "Hi {{customer.firstName}},\n\nI've cancelled your card, so nobody can use it for payments, withdrawals or online purchases, and ordered a replacement by express delivery at no cost. Your PIN stays the same. Until it arrives you can pay with the virtual card in the app, Apple Pay or Google Pay.\n\nIf you see any payment you don't recognise, reply with its date and amount and we'll dispute it for you.\n\nBest wishes,\n{{agent.firstName}}",
    actions: [{ type: 'add_tag', tag: 'fraud' }],
    tags: ['fraud', 'cards'],
  },
];

export type KnowledgeSeeded = { articlesCreated: number; articlesKept: number; macrosCreated: number; macrosKept: number };

/** Creates the demo articles (by slug) and macros (by name, ignoring case) that the workspace does not have yet. */
export async function ensureKnowledge(db: Db, people: People, log: (line: string) => void): Promise<KnowledgeSeeded> {
  // Written by the demo admin when there is one, else by the first demo agent; createMacro needs an agent.
  const author = people.demoAgents.get(C.ADMIN.handle) ?? [...people.demoAgents.values()][0];
  if (!author) throw new Error('the demo has no agent to write its articles and macros');
  const actor = { kind: 'agent' as const, id: author.id };

  const slugs = new Set(
    (await db.selectFrom('articles').select('slug').where('locale', '=', 'en').where('slug', 'in', DEMO_ARTICLES.map((a) => a.slug)).execute()).map((r) => r.slug),
  );
  let articlesCreated = 0;
  for (const a of DEMO_ARTICLES) {
    if (slugs.has(a.slug)) continue;
    // Through the API's schema, so the demo holds to the limits an agent's article would.
    await createArticle(db, actor, CreateArticleBody.parse({ ...a, locale: 'en' }));
    articlesCreated++;
  }

  const names = new Set(
    (await db.selectFrom('macros').select(sql<string>`lower(name)`.as('name')).execute()).map((r) => r.name),
  );
  let macrosCreated = 0;
  for (const m of DEMO_MACROS) {
    if (names.has(m.name.toLowerCase())) continue;
    await createMacro(db, actor, CreateMacroBody.parse(m));
    macrosCreated++;
  }

  const published = DEMO_ARTICLES.filter((a) => a.status === 'published').length;
  const seeded = { articlesCreated, articlesKept: DEMO_ARTICLES.length - articlesCreated, macrosCreated, macrosKept: DEMO_MACROS.length - macrosCreated };
  log(
    `Help center: ${DEMO_ARTICLES.length} demo articles (${published} published, ${DEMO_ARTICLES.length - published} drafts; ${articlesCreated} new); ` +
      `macros: ${DEMO_MACROS.map((m) => m.name).join(', ')} (${macrosCreated} new).`,
  );
  return seeded;
}
