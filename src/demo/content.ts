/**
 * Hand-written content for `heed demo`: who works at the demo help desk, which organizations and customers it
 * serves, and how its agents answer. The customers' own questions come from banking77-sample.json (see README.md).
 *
 * Placeholders in templates: {first} the customer's first name, {ref} a reference number.
 */
import type { Priority } from '../db/types.ts';

export const DEMO_DOMAIN = 'heed-demo.example';
export const DEMO_PASSWORD = 'demo-password-1';

export type TeamKey = 'cards' | 'payments' | 'accounts';

export const TEAMS: Record<TeamKey, { name: string; lead: string; members: string[] }> = {
  cards: { name: 'Cards', lead: 'maya.okafor', members: ['tomas.herrera', 'aiko.tanaka'] },
  payments: { name: 'Payments', lead: 'priya.raman', members: ['jonas.weber', 'lena.novak', 'aiko.tanaka'] },
  accounts: { name: 'Accounts', lead: 'daniel.mensah', members: ['sofia.marques', 'jonas.weber'] },
};
/** Untriaged tickets land here. */
export const DEFAULT_TEAM: TeamKey = 'accounts';

export type DemoAgent = { handle: string; name: string; skills: string[] };

export const AGENTS: DemoAgent[] = [
  { handle: 'maya.okafor', name: 'Maya Okafor', skills: ['cards', 'fraud'] },
  { handle: 'tomas.herrera', name: 'Tomás Herrera', skills: ['cards', 'spanish'] },
  { handle: 'aiko.tanaka', name: 'Aiko Tanaka', skills: ['cards', 'payments', 'japanese'] },
  { handle: 'priya.raman', name: 'Priya Raman', skills: ['payments', 'disputes', 'fx'] },
  { handle: 'jonas.weber', name: 'Jonas Weber', skills: ['payments', 'kyc', 'german'] },
  { handle: 'lena.novak', name: 'Lena Novak', skills: ['payments', 'transfers'] },
  { handle: 'daniel.mensah', name: 'Daniel Mensah', skills: ['kyc', 'accounts'] },
  { handle: 'sofia.marques', name: 'Sofia Marques', skills: ['accounts', 'portuguese'] },
];
/** Created only when the workspace has no active admin, so someone can manage it. */
export const ADMIN: DemoAgent = { handle: 'robin.avery', name: 'Robin Avery', skills: ['escalations'] };
/** Availability set at the end of seeding, so the agent list is not uniformly green. */
export const AVAILABILITY: Record<string, 'away' | 'offline'> = { 'lena.novak': 'away', 'tomas.herrera': 'offline' };

export type ReplyGroup = {
  /** Tags every ticket of the group carries besides its intent tag. */
  tags: string[];
  /** A reply that asks the customer for what is needed (sets the ticket pending). */
  ask: string;
  /** The customer's answer to `ask`. */
  answer: string;
  /** A reply that resolves the request; it must read well with or without an answer to `ask` before it. */
  solve: string;
  /** An internal note on the case. */
  note: string;
  /** An internal note when the ticket waits on a third party (on hold). */
  hold?: string;
};

export const GROUPS = {
  delivery: {
    tags: ['delivery'],
    ask: 'Sorry the card is taking a while. Cards usually arrive within 3-5 working days in the UK and up to 10 abroad. Could you check that the delivery address under Account > Personal details is right, and tell me if you moved recently? If the address is right and it has been more than 10 working days, I will cancel this card and send a new one by express delivery at no cost.',
    answer: "The address in the app is correct and I haven't moved. Still nothing in the post.",
    solve: "I've cancelled the card that went missing, so nobody can use it, and ordered a replacement by express delivery at no charge. It should be with you within 2 working days; the tracking link is in the app under Cards. Activate it in the app when it arrives. Your PIN stays the same.",
    note: 'Address matches the verified record. Courier shows no scan after the sorting hub; a replacement is quicker than a trace.',
    hold: 'On hold until the courier answers our trace request (ref CR-{ref}). Nothing needed from the customer.',
  },
  lost: {
    tags: ['fraud'],
    ask: "I've frozen your card, so no payments, withdrawals or online purchases can go through now. Could you look at your transactions from the last 7 days and tell me which ones you don't recognise (date and amount is enough)? Then I'll dispute those and order your replacement card.",
    answer: "Thank you for freezing it. The two payments on Saturday evening (£49.99 and £112.40) are not mine. Everything before that was me.",
    solve: "All done: your old card is cancelled for good, disputes are open for the payments you listed, and a replacement card is on its way by express delivery. You'll see the disputed amounts back on your balance as a temporary credit within 2-3 working days while we investigate; there is nothing else you need to do. If anything else looks odd, reply here.",
    note: 'Card frozen on first contact. Pattern looks like card-not-present fraud: small test payment, then two larger ones. Disputes raised, ref DSP-{ref}.',
    hold: "Waiting for the card scheme's answer on the disputes (up to 10 working days). Temporary credit already given.",
  },
  swallowed: {
    tags: ['atm'],
    ask: "Sorry, that's stressful. Machines keep a card for security when something unexpected happens, and a kept card can't be given back, so I've cancelled it to be safe. Could you confirm the address we should send your new card to, and roughly where and when it happened?",
    answer: 'It was the machine outside the train station on Friday afternoon. Please send the new card to the home address in the app.',
    solve: "Done: a replacement card is ordered free of charge and should arrive in 3-5 working days. Until then you can pay with the virtual card in the app (Cards > Virtual card) or with Apple Pay or Google Pay. Your PIN stays the same.",
    note: 'Third-party ATM, no retrieval possible. Replacement ordered with the fee waived.',
  },
  pin: {
    tags: ['pin'],
    ask: "Happy to help. You can see and change your PIN in the app under Cards > Show PIN, and if it is blocked after too many attempts there is an Unblock PIN button on the same screen. Could you try that and tell me if you see an error?",
    answer: "I tried the Unblock PIN button but it says 'not available'. Can you do it from your side?",
    solve: "I've unblocked your PIN from our side. To finish, put your card in any ATM and check your balance with your PIN (or change the PIN there): that updates the chip. Contactless and online payments work right away.",
    note: 'PIN retry counter reset after the customer passed the in-app security check.',
  },
  card_broken: {
    tags: ['card-issue'],
    ask: "Let's get that sorted. Could you tell me where the card was refused (shop, online or ATM), the date and time, and any message you saw? Please also check under Cards > Security in the app that the card, contactless and online payments are switched on.",
    answer: "It was at the supermarket yesterday around 6pm, the terminal just said 'declined'. Everything is switched on in the app.",
    solve: "A new card needs one chip-and-PIN payment before contactless works, which is a security rule. I've checked the card: it's active and nothing is blocking it, so make one payment with chip and PIN and contactless will work after that. If the chip itself turns out to be damaged, reply here and I'll send a new card free of charge.",
    note: 'No decline on our side at that time, so the terminal refused the card offline. Probably the first-use rule; offered a free replacement in case the chip is damaged.',
  },
  virtual: {
    tags: ['virtual-card'],
    ask: "A disposable virtual card works for one payment and then gets a new number, which some shops don't handle well (subscriptions, hotels, car hire). Which shop was it, and roughly when did you pay? Then I can see why it was declined.",
    answer: 'It was an online shop, yesterday evening. A one-off purchase, not a subscription.',
    solve: "The shop checked the card first and then took the payment, and by then the disposable number had already changed. For that shop, use your standard virtual card (Cards > Virtual card), which keeps its number. Nothing was charged for the failed attempts.",
    note: 'Two authorisations 40 seconds apart, the second on the rotated number. Known behaviour of this checkout.',
  },
  unrecognised: {
    tags: ['fraud', 'dispute'],
    ask: "Thanks for flagging this. To be safe I've frozen your card for now; you can unfreeze it in the app. Could you tell me the date, the amount and the name shown for the payment? Shops sometimes use a different trading name; if it isn't yours, I'll open a dispute straight away.",
    answer: "It's from the 14th, £63.20, and the name is something like 'PAYPAL *TRAVELSVC'. I have never used that service.",
    solve: "I've opened a dispute for that payment and credited the amount back to you while it is investigated; you'll see it in the app today. I've also cancelled the card and ordered you a new one, as the number may be known to someone else. Nothing more is needed from you, and I'll update this ticket when the dispute closes.",
    note: "Merchant doesn't match the customer's history. Card cancelled, temporary credit issued, dispute ref DSP-{ref}.",
    hold: "On hold for the merchant's response to the dispute (they have up to 30 days). Temporary credit already given.",
  },
  charged_twice: {
    tags: ['dispute'],
    ask: 'Sorry about that. Often one of the two is a pending authorisation that disappears by itself within a few days. Could you send me the date, amount and shop of the payment that shows twice, and whether both say completed or one says pending?',
    answer: 'Both say completed, same amount, £27.50 at the same café on Monday.',
    solve: "You're right: the café's terminal sent the payment twice. I've refunded the duplicate, so £27.50 is back on your balance now, and I've reported it to the card network so it doesn't happen again.",
    note: 'Duplicate clearing confirmed (same authorisation code, two presentments). Refunded, recovery claim raised.',
  },
  refund: {
    tags: ['refund'],
    ask: "I can help. A refund for a card payment comes from the shop, so the first step is asking them; once they send it, it usually reaches your balance within 5 working days. Could you tell me the shop's name, the amount, and whether they have confirmed sending the refund (a reference or their email is ideal)?",
    answer: 'They confirmed the refund by email 8 days ago, reference RF-{ref}, £34.99. Still nothing in my account.',
    solve: 'The refund reached us from the card network this morning and is now on your balance. If a shop ever refuses to refund something that never arrived, reply here and we will raise a chargeback for you.',
    note: 'Refund traced on the network; the acquirer had held it. Released today.',
    hold: 'Waiting for the acquirer to confirm the refund was sent (trace opened).',
  },
  card_payment: {
    tags: ['card-payment'],
    ask: "Let me check what happened. Could you tell me the shop, the amount and when you paid? Card payments show as pending until the shop confirms them, usually within a day; hotels and petrol stations can take up to 7 days.",
    answer: 'It was at the hardware store on Saturday morning, £86.00. It still shows as pending today.',
    solve: "I've checked the payment: the shop hadn't confirmed it yet, which is why it stayed pending. It has gone through now and the amount is final. A pending payment still there after 7 days is released back to your balance automatically. Nothing is wrong with your card, so keep using it as normal.",
    note: 'Authorisation approved, waiting for clearing. No risk rule triggered.',
  },
  transfer_missing: {
    tags: ['transfer'],
    ask: 'Let me track that transfer down. Could you tell me the amount, the date, and who it was to (or from)? Transfers within the UK usually arrive in minutes; international ones take 1-3 working days, and some get a routine check that adds a day.',
    answer: 'It was £250 to my sister on Wednesday; she banks with another UK bank. The app says completed.',
    solve: "I've traced it: the transfer left us on Wednesday and the receiving bank accepted it, reference TRF-{ref}. If your recipient still can't see it, they can ask their bank with that reference; if it's not there by Monday, reply here and we'll chase the receiving bank for you.",
    note: 'Payment scheme shows it accepted by the beneficiary bank. Nothing stuck on our side.',
    hold: 'Trace requested with the beneficiary bank through the payment scheme; answer expected within 2 working days.',
  },
  transfer_problem: {
    tags: ['transfer'],
    ask: "I'll look into it. Could you tell me the amount, the date and the recipient's name as you entered it? If the transfer is still pending I may be able to stop it; once it has completed we have to ask the receiving bank to send it back, which needs their agreement.",
    answer: "£400 to a new payee this morning, the name on the account is J. Carter. The app says it's still processing.",
    solve: 'The transfer was stopped before it left us, so the full amount is back on your balance. It was held because it was the first payment to a new payee. You can send it again now; the payee is confirmed, so it will not be held again.',
    note: 'Held by the new-payee fraud rule; released after the customer confirmed in the app.',
  },
  fees: {
    tags: ['fees'],
    ask: "Thanks for asking. Two things often look like an extra charge: a small temporary authorisation (often £1 or $1) that some shops use to check a card, and the exchange rate, which is set when the shop confirms the payment rather than when you pay. Could you tell me the date, amount and shop of the one that looks wrong?",
    answer: 'The £1 from a hotel on Monday, and a restaurant abroad on Sunday where the rate looks much worse than the one in the app.',
    solve: "The £1 was the hotel checking your card and has dropped off; it was never taken. The restaurant payment was confirmed on Tuesday at Tuesday's rate, plus our 0.5% weekend markup because you paid on a Sunday. That is on our fees page, but I understand it wasn't clear, so I've refunded the markup as a one-off.",
    note: 'Weekend FX markup applied correctly; refunded as a goodwill gesture (under £5).',
  },
  cash: {
    tags: ['atm'],
    ask: "I'm sorry that happened. Could you tell me where the ATM is, the date and time, how much you asked for and how much you got? Please keep any receipt the machine gave you.",
    answer: 'The ATM on the high street, Friday at 7pm. I asked for £100 and only got £60. No receipt.',
    solve: "I've raised a claim with the ATM operator and credited the missing amount to your balance while they count their machine; you'll see it now. If their count shows the machine paid out the full amount, we'll tell you before anything changes.",
    note: 'ATM network claim raised. Provisional credit given per policy.',
    hold: "On hold for the ATM operator's cash count (usually up to 10 working days).",
  },
  top_up: {
    tags: ['top-up'],
    ask: "Sorry about that. Could you tell me how you topped up (which card or bank), the amount and when? If the money left your other account but isn't on your balance, it's usually returned within 3 working days; I'll check whether it reached us.",
    answer: 'With my debit card from my other bank, £150 on Sunday. It left my bank account but my balance did not change.',
    solve: "Found it: your card's bank declined the top-up, so the money never reached us, and the hold on your other account will drop off within 3 working days. Adding the card again (Top up > Cards > Add card) and completing the security check usually fixes it. A top-up by bank transfer works too and is free.",
    note: 'Top-up failed at the 3-D Secure step; the issuer is reversing the hold.',
  },
  info: {
    tags: ['account-info'],
    ask: 'Happy to help. So I can give you the right answer: which country do you live in, and which plan are you on (Standard, Plus or Premium)? Limits and availability depend on both.',
    answer: "I live in the UK and I'm on the Standard plan.",
    solve: 'Everything you need is under Account > Plan in the app, and I have checked that nothing on your account is restricted. If anything there is unclear, reply here and I will walk you through it.',
    note: 'Information request; answered from the plan terms.',
  },
  identity: {
    tags: ['kyc'],
    ask: "Thanks for getting in touch. The law requires us to check the identity of everyone who opens an account; it protects you and keeps fraud out. You'll need a valid passport, driving licence or national ID card and a selfie in good light. Which document are you using, and what does the app show when it fails?",
    answer: "I'm using my driving licence. The app says 'we couldn't read your document' every time.",
    solve: "I've reset your verification so you can try again. What fixes most failures: put the document on a dark surface, no flash, all four corners in the picture, and take the selfie facing a window. If the licence still isn't accepted, a passport usually is. Verification normally finishes within 10 minutes after that.",
    note: 'Three failed attempts, all with glare on the document. Attempt counter reset.',
    hold: "Waiting for the verification provider's manual review (up to 48 hours).",
  },
  access: {
    tags: ['account-access'],
    ask: "I can help you get back in. For your security, please confirm the email address and mobile number on the account, and your date of birth. We will never ask for your passcode or your card PIN.",
    answer: "The email is the one I'm writing from, the mobile ends in 4471, and I was born on 12 March 1988.",
    solve: "I've sent a secure link to the email address on your account to set a new passcode; it works for 30 minutes. Once you're signed in, check Account > Security and sign out any device you don't recognise. If your phone was lost, I've already signed out your other devices and frozen your cards as a precaution; unfreeze them in the app once you're in.",
    note: 'Identity confirmed on three data points. Other sessions revoked.',
  },
  closure: {
    tags: ['closure'],
    ask: "I'm sorry to hear you want to leave, and I can close the account for you. Before I do, please move any remaining balance out (Transfers > To bank account), and note that direct debits and subscriptions on the card will stop. If something went wrong that made you want to leave, tell me and I'll try to put it right.",
    answer: "I've moved the money out. Please go ahead and close it.",
    solve: "Your account is closed and your cards are cancelled. You'll get a final statement by email within a day, and you can still download past statements for 6 years from our website. Thank you for being with us; you're welcome back any time.",
    note: 'Balance zero, no pending transactions. Closure processed; retention offer declined.',
  },
} satisfies Record<string, ReplyGroup>;

export type GroupKey = keyof typeof GROUPS;

export type IntentInfo = {
  team: TeamKey;
  group: GroupKey;
  /** Nudges the priority of this intent's tickets. */
  urgency?: 'urgent' | 'high' | 'low';
  /** A better answer than the group's `solve` for this intent. */
  solve?: string;
};

/** The 40 banking77 intents the demo uses. */
export const INTENTS: Record<string, IntentInfo> = {
  card_arrival: { team: 'cards', group: 'delivery' },
  card_delivery_estimate: {
    team: 'cards',
    group: 'delivery',
    urgency: 'low',
    solve: "Cards usually arrive within 3-5 working days in the UK and up to 10 working days abroad, and you can follow yours in the app under Cards. If you need it sooner, I've switched your order to express delivery at no charge, so expect it within 2 working days. Meanwhile the virtual card in the app works straight away, online and with Apple Pay or Google Pay.",
  },
  card_about_to_expire: {
    team: 'cards',
    group: 'delivery',
    urgency: 'low',
    solve: "There's nothing to pay: we send a new card automatically about a month before the old one expires, to the address in the app. I've checked and yours is ordered and on its way. Activate it in the app when it arrives; your PIN and card details for subscriptions carry over. If you're abroad, update the address under Account > Personal details first and I'll resend it there.",
  },
  lost_or_stolen_card: { team: 'cards', group: 'lost', urgency: 'urgent' },
  compromised_card: { team: 'cards', group: 'lost', urgency: 'urgent' },
  card_swallowed: { team: 'cards', group: 'swallowed', urgency: 'high' },
  pin_blocked: { team: 'cards', group: 'pin' },
  change_pin: {
    team: 'cards',
    group: 'pin',
    urgency: 'low',
    solve: "You don't need to visit anyone: you can see your PIN in the app under Cards > Show PIN, and change it at most ATMs that offer a PIN services menu. A few countries' ATMs don't offer PIN changes; if you're abroad and it isn't available, it will work at the next UK ATM you use.",
  },
  card_not_working: { team: 'cards', group: 'card_broken' },
  contactless_not_working: { team: 'cards', group: 'card_broken', urgency: 'low' },
  activate_my_card: {
    team: 'cards',
    group: 'card_broken',
    solve: "To activate your card, open the app, go to Cards, tap the new card and choose Activate, then enter the 6-digit code printed on the letter the card came with. I've checked and nothing is blocking activation on our side, so it should work right away. If the code is rejected, reply here and I'll send a new one.",
  },
  virtual_card_not_working: { team: 'cards', group: 'virtual' },
  card_payment_not_recognised: { team: 'payments', group: 'unrecognised', urgency: 'high' },
  cash_withdrawal_not_recognised: { team: 'payments', group: 'unrecognised', urgency: 'high' },
  direct_debit_payment_not_recognised: {
    team: 'payments',
    group: 'unrecognised',
    solve: "You're covered by the Direct Debit Guarantee, with no time limit for payments you didn't authorise. I've raised a claim for that direct debit and the amount is back on your balance today. I've also cancelled the mandate so the company can't take another payment; if it turns out to be a service you do use, set it up again with them.",
  },
  transaction_charged_twice: { team: 'payments', group: 'charged_twice' },
  request_refund: { team: 'payments', group: 'refund' },
  Refund_not_showing_up: { team: 'payments', group: 'refund' },
  declined_card_payment: {
    team: 'payments',
    group: 'card_payment',
    solve: "I've checked: the payment was declined by our fraud checks because it looked unusual for your account, and no money was taken. I've marked that shop as trusted for you, so when they try again it will go through. If you get a notification asking you to confirm a payment, tapping 'It was me' unblocks it straight away.",
  },
  pending_card_payment: { team: 'payments', group: 'card_payment', urgency: 'low' },
  transfer_not_received_by_recipient: { team: 'payments', group: 'transfer_missing' },
  pending_transfer: { team: 'payments', group: 'transfer_missing' },
  balance_not_updated_after_bank_transfer: {
    team: 'payments',
    group: 'transfer_missing',
    solve: "I've found your transfer: it arrived this morning and was held for a routine check because it was your first transfer from that account. It's on your balance now. Future transfers from the same account will arrive within minutes.",
  },
  failed_transfer: { team: 'payments', group: 'transfer_problem' },
  cancel_transfer: {
    team: 'payments',
    group: 'transfer_problem',
    urgency: 'high',
    solve: "The transfer had already left us, so I couldn't stop it, but I've sent a recall request to the receiving bank. They usually answer within 10 working days; if the recipient agrees, the money comes straight back to your balance. In future, transfers to a new payee can be cancelled in the app for the first few minutes under Transfers > Scheduled.",
  },
  card_payment_wrong_exchange_rate: { team: 'payments', group: 'fees' },
  extra_charge_on_statement: { team: 'payments', group: 'fees', urgency: 'low' },
  wrong_amount_of_cash_received: { team: 'payments', group: 'cash', urgency: 'high' },
  top_up_failed: { team: 'payments', group: 'top_up' },
  verify_my_identity: { team: 'accounts', group: 'identity' },
  unable_to_verify_identity: { team: 'accounts', group: 'identity' },
  why_verify_identity: {
    team: 'accounts',
    group: 'identity',
    urgency: 'low',
    solve: "The law requires every bank to check who its customers are before they can move money (the anti-money-laundering rules), and it also stops anyone from opening an account in your name. The check takes a few minutes in the app with a passport, driving licence or national ID card and a selfie. Your documents are stored encrypted and used only for this.",
  },
  edit_personal_details: {
    team: 'accounts',
    group: 'access',
    urgency: 'low',
    solve: "You can change your email, phone number and address yourself in the app under Account > Personal details. A change of name needs a photo of a document showing the new name, which you can upload on the same screen; we check it within a day. I've checked your account and nothing is blocking the changes.",
  },
  passcode_forgotten: { team: 'accounts', group: 'access' },
  lost_or_stolen_phone: { team: 'accounts', group: 'access', urgency: 'high' },
  terminate_account: { team: 'accounts', group: 'closure' },
  country_support: {
    team: 'accounts',
    group: 'info',
    urgency: 'low',
    solve: "We can open accounts for people living in the UK and the European Economic Area, and your card works worldwide wherever Visa or Mastercard is accepted. We don't yet open accounts for residents of the US; I've added you to the list to hear when that changes.",
  },
  age_limit: {
    team: 'accounts',
    group: 'info',
    urgency: 'low',
    solve: 'You can open a full account from 18. Young people aged 13 to 17 can have a junior account with their own card, linked to a parent\'s account: the parent opens it in the app under Account > Family and can set spending limits.',
  },
  top_up_limits: {
    team: 'accounts',
    group: 'info',
    urgency: 'low',
    solve: 'On your plan you can top up to £10,000 at a time, and up to £30,000 in 30 days by card; top-ups by bank transfer have no monthly limit. You can see your remaining allowance under Account > Limits.',
  },
  receiving_money: {
    team: 'accounts',
    group: 'info',
    urgency: 'low',
    solve: "Anyone can pay you using the account details under Account > Details: your sort code and account number for GBP, and your IBAN for euro. Salaries work the same way; give your employer those details. Money that arrives in another currency is kept in that currency until you exchange it in the app.",
  },
};

/** The organizations the demo bank serves through business accounts. */
export type DemoOrganization = {
  name: string;
  domain: string;
  notes?: string;
  attributes: Record<string, unknown>;
  expectations?: { plan?: string; responseTimeMinutes?: number; namedContact?: string; promises?: string[] };
};

export const ORGANIZATIONS: DemoOrganization[] = [
  {
    name: 'Northwind Traders',
    domain: 'northwind.example',
    attributes: { industry: 'wholesale', employees: 120 },
    expectations: { plan: 'Business Plus', responseTimeMinutes: 120, namedContact: 'Priya Raman', promises: ['Disputed card payments credited back within 1 working day'] },
  },
  { name: 'Harbor & Finch Architects', domain: 'harborfinch.example', attributes: { industry: 'architecture', employees: 18 } },
  { name: 'Bluebell Bakery Co.', domain: 'bluebellbakery.example', attributes: { industry: 'food', employees: 9 }, notes: 'Owner-run bakery, three shops. Pays suppliers by transfer every Monday.' },
  {
    name: 'Kestrel Logistics',
    domain: 'kestrel-logistics.example',
    attributes: { industry: 'logistics', employees: 640 },
    notes: 'Fleet of 200 drivers with fuel cards. Lost cards are common; treat as urgent.',
    expectations: {
      plan: 'Enterprise',
      responseTimeMinutes: 30,
      namedContact: 'Maya Okafor',
      promises: ['Replacement driver cards shipped next day at no charge', 'Quarterly account review with their finance team'],
    },
  },
  { name: 'Orchard Lane Dental', domain: 'orchardlane.example', attributes: { industry: 'healthcare', employees: 24 } },
  { name: 'Tidewater Surf School', domain: 'tidewater.example', attributes: { industry: 'leisure', employees: 7 }, notes: 'Seasonal: busy April to September.' },
  {
    name: 'Copperleaf Studio',
    domain: 'copperleaf.example',
    attributes: { industry: 'design', employees: 12 },
    expectations: { plan: 'Business Plus', responseTimeMinutes: 240 },
  },
  {
    name: 'Meridian Health Partners',
    domain: 'meridianhealth.example',
    attributes: { industry: 'healthcare', employees: 310 },
    expectations: {
      plan: 'Enterprise',
      responseTimeMinutes: 60,
      namedContact: 'Daniel Mensah',
      promises: ['A named contact for identity checks of new staff', 'Payroll transfers checked the same day'],
    },
  },
  { name: 'Granite Peak Outfitters', domain: 'granitepeak.example', attributes: { industry: 'retail', employees: 45 } },
  {
    name: 'Lumen Analytics',
    domain: 'lumen-analytics.example',
    attributes: { industry: 'software', employees: 80 },
    expectations: { plan: 'Business Plus', responseTimeMinutes: 120, promises: ['Virtual cards for every new hire within a day'] },
  },
  { name: 'Saffron Street Kitchen', domain: 'saffronstreet.example', attributes: { industry: 'restaurants', employees: 30 } },
  {
    name: 'Atlas Freight Forwarding',
    domain: 'atlasfreight.example',
    attributes: { industry: 'logistics', employees: 210 },
    notes: 'Pays overseas carriers in USD and EUR weekly.',
    expectations: { plan: 'Enterprise', responseTimeMinutes: 30, promises: ['FX payments above £50,000 get a call back with the rate before they are sent'] },
  },
  { name: 'Pinecrest Property Management', domain: 'pinecrest.example', attributes: { industry: 'real estate', employees: 35 } },
  {
    name: 'Riverside Community Trust',
    domain: 'riversidetrust.example',
    attributes: { industry: 'charity', employees: 14 },
    notes: 'Registered charity: fees are waived on every plan.',
    expectations: { plan: 'Charity', promises: ['No card replacement fees', 'No fees on incoming donations'] },
  },
  {
    name: 'Fjord & Fell Travel',
    domain: 'fjordfell.example',
    attributes: { industry: 'travel', employees: 26 },
    expectations: { plan: 'Plus', responseTimeMinutes: 180 },
  },
];

export const FIRST_NAMES = [
  'Olivia', 'Noah', 'Amelia', 'Oliver', 'Isla', 'George', 'Ava', 'Arthur', 'Mia', 'Leo', 'Freya', 'Harry', 'Zara', 'Mohammed',
  'Chloe', 'Luca', 'Aisha', 'Jack', 'Sienna', 'Theo', 'Priyanka', 'Ethan', 'Grace', 'Omar', 'Hannah', 'Kwame', 'Lucy', 'Mateo',
  'Ines', 'Samuel', 'Yuki', 'Daniela', 'Finn', 'Nadia', 'Ravi', 'Elena', 'Tariq', 'Charlotte', 'Wei', 'Maria', 'Patrick', 'Fatima',
  'Joseph', 'Emily', 'Kofi', 'Sophie', 'Arjun', 'Rosa', 'Lukas', 'Niamh',
];

export const LAST_NAMES = [
  'Smith', 'Jones', 'Patel', 'Williams', 'Brown', 'Khan', 'Taylor', 'Davies', 'Evans', 'Wilson', 'Murphy', 'Okonkwo', 'Nguyen',
  'Kowalski', 'Rossi', 'Garcia', 'Müller', 'Chen', 'Ahmed', 'Johnson', "O'Brien", 'Fernandes', 'Singh', 'Walker', 'Hughes',
  'Edwards', 'Ali', 'Martin', 'Costa', 'Andersen', 'Haddad', 'Ito', 'Byrne', 'Mensah', 'Novak', 'Schmidt', 'Dubois', 'Ivanova',
  'Lopez', 'Wright',
];

export const PERSONAL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com'];

export const TIMEZONES = [
  'Europe/London', 'Europe/London', 'Europe/London', 'Europe/London', 'Europe/Dublin', 'Europe/Paris', 'Europe/Madrid',
  'Europe/Berlin', 'Europe/Lisbon', 'Europe/Warsaw', 'America/New_York', 'Asia/Singapore', 'Asia/Dubai', 'Australia/Sydney',
];

export const PERSONAL_PROMISES = [
  'Card replacement fees waived for a year after the fraud case in March',
  'Call back before any account restriction is applied',
  'Premium metal card replacement within 2 working days',
  'Fee-free FX up to £5,000 a month',
];

export const ACKS = [
  "Thanks for getting in touch. I'm looking into this now and will update you here today.",
  "Thanks, I've picked this up. I'm checking with the team that handles this and will come back to you as soon as I know more.",
  "Thanks for the details. I'm on it and will update you here shortly.",
];

export const CHASERS = ['Hi, any news on this? ', 'Just following up on my message. ', 'Sorry to chase, but this is getting urgent. ', 'Hello again. '];

export const STILL_BROKEN = [
  "Thanks, but it's happened again. ",
  "I tried that but it didn't help. ",
  'Sorry, one more thing. ',
];

export const GENERIC_HOLD = 'Waiting on a third party before we can finish this; nothing more is needed from the customer for now.';

export const ESCALATION_NOTES = [
  'Customer has written several times and is getting frustrated; can you take this over? Everything so far is in the thread.',
  'This needs a goodwill refund above my approval limit. Please take over; details are in the thread.',
  "I'm off from tomorrow and this needs someone to follow it through. Customer is waiting on the answer I asked for.",
  'Could you take this one? You handled the same problem for this customer last month.',
];

/** Why an agent turns down a ticket handed to them personally. */
export const DECLINE_REASONS = [
  "I'm on leave from tomorrow until Monday; please pick someone who's on shift.",
  "This needs the dispute tool and I don't have access to it yet.",
  'My queue is full of urgent tickets right now; please send it to the team queue instead.',
];

/** Why a team member turns down a ticket handed to their team. */
export const TEAM_DECLINE_REASONS = [
  "Nothing for us to do yet: we need the date and amount of the transaction. Ask the customer, then send it back.",
  'The account is still waiting for an identity check, so nobody here can act on it. Please get that cleared first.',
  'We looked: this is a question about the app itself, not a payment. Please answer it from your side.',
];

/** Opens the solving reply when the customer has just answered a question. */
export const THANKS = ['Thanks for the details. ', "Thanks, that's what I needed. ", 'Thank you, that helps. '];

export const REROUTE_NOTES = [
  'Came in through the general queue but this is a {team} matter. Nothing sent to the customer yet.',
  "Customer is asking about something {team} handles; I've read it but haven't replied. Over to you.",
  'Misrouted: needs {team}. Customer is waiting for a first answer.',
];

/** Why a ticket is passed to a team while nobody is sure who owns it. */
export const BOUNCE_NOTES: Record<TeamKey, string> = {
  cards: 'Looks like this is about the card itself (blocked or replaced), so sending it to {team}.',
  payments: 'The money moved as a payment or transfer, so {team} should own this one.',
  accounts: "It's stuck behind a check on the customer's account; that's {team} territory.",
};
export const BOUNCE_BACK = "Sorry, back to {team}: we've done our part, and what's left (telling the customer and closing it out) needs you.";
