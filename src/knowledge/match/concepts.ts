/**
 * What customers need, in the many ways they say it. Customers rarely use a help center’s words ("my couch came
 * busted" for "Damaged item on arrival"), so each phrase below, found in an inquiry or an article, adds a concept
 * term (`#damage`) that both sides share. Written for customer service in general (orders, delivery, returns,
 * billing, accounts, subscriptions, mobile and broadband, money), not for one company’s articles. Phrases are
 * matched on whole words after lowercasing and stemming, stop words included ("not here", "where is").
 *
 * A phrase must mean its concept at any company, not just at one shop: a word with another common sense elsewhere
 * is left out or kept only inside a phrase ("code" is as often a sign-in code as a discount, "us" is the pronoun
 * and "use" stems to it, "care" is customer care, "fix", "collect", "credit", "connection", "link" and "split"
 * each mean several things). Checked on two development sets from different trades (a furniture shop and an
 * invoicing app) so that an entry which helps one and hurts the other shows.
 */
export const concepts: Record<string, string[]> = {
  damage: [
    'damaged', 'damage', 'broken', 'broke', 'busted', 'smashed', 'shattered', 'cracked', 'crack', 'chipped', 'dented',
    'dent', 'scratched', 'scratch', 'scratches', 'torn', 'ripped', 'rip', 'bent', 'snapped', 'crushed', 'squashed',
    'scuffed', 'scuff', 'gouge', 'wrecked', 'ruined', 'mangled', 'in pieces', 'water damage',
    'soaking wet', 'stained', 'marks on', 'came broken', 'arrived broken', 'arrived damaged', 'hole in',
  ],
  faulty: [
    'faulty', 'fault', 'defective', 'defect', 'not working', 'doesnt work', 'does not work', 'do not work', 'stopped working',
    'stop working', 'stops working', 'won’t turn on', 'will not turn on', 'wont turn on', 'not turn on', 'not turning on',
    'won’t switch on', 'will not switch on', 'not switch on', 'dead', 'malfunction', 'malfunctioning', 'glitch', 'flicker',
    'flickering', 'flickers', 'keeps turning off', 'keeps switching off', 'wobbly', 'wobbles', 'squeak', 'squeaks',
    'squeaky', 'creaks', 'creaking', 'sagging', 'sag', 'gone flat', 'peeling', 'falling apart', 'fell apart',
    'come loose', 'came loose', 'coming loose', 'stuck', 'jammed', 'buzzes', 'buzzing', 'packed up', 'gave up', 'died',
    'keeps crashing', 'crashes', 'frozen', 'freezes', 'overheating', 'not charging', 'won’t charge', 'will not charge',
  ],
  missing: [
    'missing', 'without any', 'without the', 'lacking', 'incomplete', 'not included', 'not in the box', 'left out',
    'only got', 'only received', 'only arrived', 'short of', 'didn’t come with',
    'did not come with', 'weren’t in', 'were not in', 'wasn’t in', 'was not in', 'no screws', 'no instructions',
  ],
  wrong_item: [
    'wrong item', 'wrong one', 'wrong colour', 'wrong color', 'wrong size', 'wrong product', 'wrong order', 'incorrect item',
    'not what i ordered', 'not what i order', 'different one', 'completely different', 'sent me the wrong', 'got a white one',
    'someone else’s', 'mixed up', 'instead of the',
  ],
  late: [
    'late', 'delay', 'delayed', 'overdue', 'still waiting', 'not arrived', 'hasn’t arrived', 'has not arrived',
    'haven’t received', 'have not received', 'not received', 'never arrived', 'never came', 'never received', 'not come',
    'hasn’t come', 'has not come', 'not here yet', 'meant to be here', 'supposed to arrive', 'supposed to be here',
    'taking ages', 'taking forever', 'still no sign', 'keeps moving', 'pushed back', 'expected date',
  ],
  track: [
    'track', 'tracking', 'where is', 'where’s', 'whereabouts', 'order status', 'status of', 'on its way', 'dispatched',
    'out for delivery', 'any update', 'update on', 'what’s happening with', 'whats happening with', 'has got to',
    'when is it coming', 'when will it arrive', 'when will i get', 'when is my', 'check on', 
  ],
  cancel: [
    'cancel', 'cancelled', 'canceled', 'cancellation', 'changed my mind', 'change my mind', 'changed our mind',
    'don’t want it', 'no longer want', 'no longer need', 'call off', 'stop the order', 'ordered by mistake',
    'accidentally ordered', 'ordered twice', 'remove an item', 'remove one item', 'terminate', 'end my contract',
    'stop paying', 'stop my subscription', 'end my subscription', 'don’t need it any more', 'do not need it anymore',
  ],
  refund: [
    'refund', 'refunded', 'refunds', 'reimburse', 'reimbursement', 'money back', 'my money', 'repay', 'credit back',
    'pay back', 'paid back', 'compensation', 'chargeback', 'get anything back', 'get something back', 'pro rata', 'prorated',
  ],
  return: [
    'return', 'returns', 'returning', 'returned', 'send back', 'send it back', 'sent back', 'take back', 'bring back',
    'bring them back', 'give back', 'post back', 'ship back', 'pick up', 'pickup',
    'don’t like it', 'do not like it', 'too big', 'too small', 'doesn’t fit', 'does not fit',
  ],
  exchange: ['exchange', 'swap', 'trade it for', 'different size', 'different colour', 'different color', 'instead'],
  delivery: [
    'delivery', 'deliveries', 'deliver', 'delivered', 'shipping', 'ship', 'shipped', 'shipment', 'postage', 'courier',
    'carrier', 'dispatch', 'parcel', 'package', 'driver', 'drivers', 'delivery guys', 'delivery men', 'next day',
  ],
  reschedule: [
    'reschedule', 'rearrange', 'another day', 'different day', 'other day', 'change the date', 'change the delivery',
    'change my delivery', 'new date', 'move the date', 'move my delivery', 'postpone', 'can’t be in', 'cannot be in',
    'won’t be in', 'will not be in', 'won’t be home', 'not be home', 'not home', 'i’m away', 'be away', 'bring forward',
    'bring my delivery forward', 'push back', 'push the', 'hold on to', 'hang on to', 'later date',
  ],
  missed: ['missed', 'missed delivery', 'tried to deliver', 'card through the door', 'no one was in', 'nobody was in', 'wasn’t in', 'pickup point', 'depot'],
  address: ['address', 'moved house', 'just moved', 'new house', 'new flat', 'postcode', 'zip code', 'old address', 'wrong address'],
  payment: [
    'pay', 'paying', 'payment', 'payments', 'card', 'credit card', 'debit card', 'paypal', 'apple pay', 'google pay', 'amex',
    'american express', 'visa', 'mastercard', 'checkout', 'declined', 'didn’t go through', 'did not go through', 'transaction',
  ],
  charge: [
    'charged', 'charge', 'billed', 'bill', 'fee', 'fees', 'taken from', 'debited', 'deducted', 'double charged',
    'charged twice', 'overcharged', 'extra charge', 'direct debit', 'statement',
  ],
  price: ['price', 'prices', 'pricing', 'cost', 'costs', 'how much', 'a month', 'per month', 'a year', 'per year', 'cheapest', 'too expensive', 'expensive', 'cheaper', 'price drop', 'gone down', 'went down', 'reduced', 'on sale', 'sale', 'on offer'],
  discount: ['discount', 'discount code', 'coupon', 'promo', 'promo code', 'voucher code', 'percent off', 'per cent off', 'offer', 'money off', 'cheaper if'],
  gift_card: ['gift card', 'gift cards', 'gift voucher', 'e gift', 'giftcard', 'voucher'],
  loyalty: ['points', 'rewards', 'reward', 'loyalty', 'membership', 'insider', 'perks'],
  account: ['account', 'profile', 'my details', 'personal details', 'email address', 'phone number', 'username', 'contact details'],
  login: [
    'login', 'log in', 'logged in', 'logging in', 'sign in', 'signed in', 'signing in', 'password', 'locked out',
    'can’t access', 'cannot access', 'can’t get in', 'forgot', 'forgotten', 'reset', 'two factor', '2fa',
    'verification code', 'security code', 'one time code',
  ],
  delete_account: ['delete my account', 'close my account', 'remove my account', 'erase', 'gdpr', 'remove my data', 'delete my data', 'forget me'],
  unsubscribe: ['unsubscribe', 'stop emails', 'stop emailing', 'too many emails', 'newsletter', 'marketing emails', 'spam', 'opt out', 'stop sending'],
  invoice: ['invoice', 'receipt', 'vat', 'tax invoice', 'proof of purchase', 'business expenses', 'company name on'],
  warranty: ['warranty', 'guarantee', 'guaranteed', 'years cover', 'covered', 'after a year', 'after 6 months', 'months old'],
  assembly: [
    'assemble', 'assembly', 'assembled', 'put together', 'putting together', 'build', 'built', 'building', 'flat pack',
    'instructions', 'screws', 'bolts', 'fitting', 'install', 'installation', 'installed', 'set up', 'setup', 'take it apart',
  ],
  care: ['clean', 'cleaning', 'wash', 'washing', 'spill', 'spilled', 'look after', 'maintain', 'oil', 'dishwasher', 'machine wash', 'shedding'],
  size: ['size', 'sizes', 'dimensions', 'measure', 'measurements', 'fit through', 'fit in', 'width', 'height', 'how big'],
  finance: [
    'finance', 'financing', 'instalments', 'instalment', 'installments', 'installment', 'pay in 3', 'pay later', 'interest free',
    'spread the cost', 'spread payments', 'klarna', 'credit check', 'monthly payments',
  ],
  abroad: [
    'abroad', 'overseas', 'international', 'eu', 'europe', 'outside the uk', 'another country', 'customs', 'import duty',
    'roaming', 'travel', 'travelling', 'traveling', 'holiday', 'germany', 'german', 'france', 'french', 'spain', 'ireland',
    'netherlands', 'italy', 'usa', 'united states',
  ],
  human: ['speak to', 'talk to', 'human', 'real person', 'manager', 'supervisor', 'call me', 'phone me', 'ring me', 'complain', 'complaint', 'escalate'],
  plan: ['plan', 'contract', 'subscription', 'tariff', 'bundle', 'upgrade', 'downgrade', 'renew', 'renewal', 'end of contract', 'change my plan', 'switch plan', 'switch plans', 'go down to', 'move down to', 'move up to', 'cheaper plan', 'bigger plan', 'smaller plan'],
  network: [
    'signal', 'coverage', 'no service', 'no signal', 'outage', 'network down', 'dropped calls', 'calls drop', 'keeps dropping',
    'reception', 'bars', 'mobile data', 'internet', '4g', '5g', 'wifi', 'broadband',
  ],
  sim: ['sim', 'sim card', 'esim', 'e sim', 'qr code'],
  porting: ['port', 'porting', 'pac', 'pac code', 'stac', 'keep my number', 'transfer my number', 'move my number', 'switch provider', 'switching to', 'leaving'],
  top_up: ['top up', 'topup', 'top ups', 'pay as you go', 'payg', 'balance', 'prepaid', 'voucher'],
  lost_stolen: ['lost', 'stolen', 'pickpocket', 'pickpocketed', 'theft', 'misplaced', 'can’t find my phone', 'robbed', 'nicked'],
  unlock: ['unlock', 'unlocked', 'network lock', 'locked to'],
  data: ['data', 'gb', 'allowance', 'used up', 'run out', 'ran out', 'add on', 'addon', 'data boost'],
  fraud: ['fraud', 'scam', 'phishing', 'suspicious', 'unauthorised', 'unauthorized', 'hacked', 'didn’t make', 'did not make', 'not me'],
  repair: ['repair', 'repairs', 'cracked screen', 'battery', 'water damage'],
  trade_in: ['trade in', 'tradein', 'sell my old', 'recycle', 'old phone'],
  // Actions and states of any product or service, in the words customers use for them.
  connect: ['connect', 'connecting', 'link my', 'link it', 'link the', 'link our', 'link up', 'linked', 'linking', 'hook up', 'hooked up', 'integrate', 'integration', 'pair', 'pairing', 'plug in'],
  disconnect: ['disconnect', 'disconnected', 'unlink', 'unlinked', 'unpair', 'revoke', 'remove access', 'stop sharing'],
  create: ['create', 'creating', 'make a', 'make an', 'make new', 'raise an', 'raise a', 'issue an', 'draft', 'new one', 'set one up', 'start a new'],
  remove: ['remove', 'removing', 'delete', 'deleting', 'deleted', 'get rid of', 'take off', 'take him off', 'take her off', 'take them off', 'deactivate', 'write off', 'void'],
  edit: ['edit', 'editing', 'change', 'changing', 'amend', 'update', 'updating', 'modify', 'alter', 'tweak', 'customise', 'customize'],
  permission: ['access', 'permission', 'permissions', 'role', 'roles', 'read only', 'view only', 'restrict', 'restricted', 'only see', 'can see', 'admin', 'administrator', 'owner', 'allowed to'],
  people: ['user', 'users', 'colleague', 'colleagues', 'team member', 'staff', 'my team', 'bookkeeper', 'accountant', 'assistant', 'partner', 'someone else', 'another person', 'seat', 'seats'],
  app: ['app', 'apps', 'mobile app', 'iphone', 'android', 'ios', 'ipad', 'tablet', 'on my phone', 'phone app', 'play store', 'app store'],
  export: ['export', 'exporting', 'download', 'downloading', 'backup', 'back up', 'copy of', 'csv', 'spreadsheet', 'excel', 'pdf', 'pdfs'],
  timing: ['how long', 'how soon', 'how many days', 'when will', 'when does', 'when do', 'when can', 'take to', 'takes to', 'timescale', 'timeframe', 'working days', 'business days', 'hit my', 'land in', 'show up in'],
  email_missing: ["didn't get the email", 'did not get the email', 'no email', 'email never', 'email not', 'not got the email', 'spam folder', 'junk', 'junk folder'],
  error: ['error', 'errors', 'error message', 'failed', 'fails', 'failing', 'won’t let me', 'will not let me', 'doesn’t let me', 'does not let me', 'greyed out', 'bug', 'glitchy', 'spinning', 'keeps saying'],
  duplicate: ['duplicate', 'duplicates', 'duplicated', 'twice', 'double', 'doubled', 'two of', 'copies', 'showing twice', 'appear twice'],
  suspended: ['locked', 'blocked', 'suspended', 'on hold', 'disabled', 'frozen account', 'restricted account', 'deactivated'],
  two_step: ['two factor', 'two step', '2 step', '2fa', 'mfa', 'multi factor', 'authenticator', 'authentication code', 'verification code', 'security code', 'one time code', 'code app'],
  not_showing: ['not showing', 'isn’t showing', 'is not showing', 'aren’t showing', 'are not showing', 'not appearing', 'not coming through', 'not updating', 'not pulling', 'not syncing', 'sync', 'syncing', 'out of date', 'not there', 'isn’t there', 'is not there', 'never came into', 'missing from'],
  setup: ['set up', 'setup', 'setting up', 'install', 'installing', 'installation', 'get started', 'getting started', 'configure', 'first time'],
  time_of_day: ['what time', 'time slot', 'timeslot', 'morning', 'afternoon', 'evening', 'weekend', 'saturday', 'sunday'],
};

/** A concept phrase as the sequence of word stems it is matched by. */
export type ConceptPhrase = { concept: string; stems: string[] };

/** Concepts that name an action or state of any service (connect, remove, timing) rather than a need: weaker evidence. */
export const actionConcepts = new Set([
  'connect', 'disconnect', 'create', 'remove', 'edit', 'permission', 'people', 'app', 'export', 'timing', 'email_missing', 'error',
  'duplicate', 'suspended', 'two_step', 'setup', 'not_showing',
]);
