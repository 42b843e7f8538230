/**
 * The Heed chat widget. One <script src="https://HEED/widget.js" data-heed-title="…" data-heed-color="#…" async>
 * adds a launcher button and a panel (in a shadow root) where a customer writes to support, sees articles that
 * may answer them, and then chats; replies arrive live.
 */
import { ApiError, createApi, type Conversation } from './api.ts';
import { h, safeColor, textOn, when } from './dom.ts';
import { styles } from './styles.ts';

const STORAGE_KEY = 'heed-widget-conversation';

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current;
  const all = Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'));
  return all.find((s) => /\/widget\.js(\?|#|$)/.test(s.src)) ?? null;
}

const storage = {
  get: () => {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  },
  set: (v: string | null) => {
    try {
      if (v) localStorage.setItem(STORAGE_KEY, v);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      /* storage refused (private mode): the conversation lasts as long as the page */
    }
  },
};

function mount(script: HTMLScriptElement): void {
  const origin = new URL(script.src, location.href).origin;
  const api = createApi(origin);
  const title = (script.dataset.heedTitle || 'Contact support').slice(0, 80);
  const accent = safeColor(script.dataset.heedColor, '#1f5fbf');

  const host = h('div', { 'data-heed-widget': '' });
  const root = host.attachShadow({ mode: 'open' });
  root.append(h('style', {}, styles(accent, textOn(accent))));
  const launcher = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'heed-panel' }, title);
  const heading = h('h2', { id: 'heed-title' }, title);
  const closeButton = h('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
  const body = h('div', { class: 'body' });
  const footer = h('div');
  const panel = h('div', { id: 'heed-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'heed-title', hidden: true },
    h('header', {}, heading, closeButton), body, footer);
  root.append(panel, launcher);
  document.body.append(host);

  let token = storage.get();
  let stream: EventSource | null = null;
  /** What a "changed" event does: refresh the open chat, or mark the launcher while the panel is closed. */
  let onChange = () => {};
  const badge = h('span', { class: 'badge', hidden: true }, ' • new reply');
  launcher.append(badge);
  // While the page is open the conversation stays connected: the customer is "here", and replies are not emailed.
  const connect = () => {
    if (stream || !token || typeof EventSource !== 'function') return;
    stream = new EventSource(api.streamUrl(token));
    stream.onmessage = (e) => {
      if (!String(e.data).includes('"changed"')) return;
      if (panel.hidden) badge.hidden = false;
      else onChange();
    };
  };
  const disconnect = () => {
    stream?.close();
    stream = null;
  };

  const open = () => {
    panel.hidden = false;
    badge.hidden = true;
    launcher.setAttribute('aria-expanded', 'true');
    if (token) void showChat();
    else showForm();
  };
  const close = () => {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    onChange = () => {};
    launcher.focus();
  };
  launcher.addEventListener('click', () => (panel.hidden ? open() : close()));
  closeButton.addEventListener('click', close);
  connect();
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  });

  function showForm(): void {
    const err = h('p', { class: 'error', role: 'alert' });
    const field = (id: string, label: string, input: HTMLInputElement | HTMLTextAreaElement) => {
      input.id = id;
      return h('div', {}, h('label', { for: id }, label), input);
    };
    const name = h('input', { name: 'name', autocomplete: 'name', required: true, maxlength: '200' });
    const email = h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: '320' });
    const message = h('textarea', { name: 'body', required: true, maxlength: '20000' });
    const website = h('input', { name: 'website', tabindex: '-1', autocomplete: 'off' });
    const hp = h('div', { class: 'hp', 'aria-hidden': 'true' }, h('label', { for: 'heed-website' }, 'Leave this empty'), website);
    website.id = 'heed-website';
    const suggestions = h('div', { 'aria-live': 'polite' });
    const send = h('button', { type: 'submit', class: 'primary' }, 'Send');
    const form = h('form', { novalidate: true, 'aria-label': 'Write to support' },
      field('heed-name', 'Your name', name), field('heed-email', 'Email', email), field('heed-message', 'How can we help?', message),
      hp, suggestions, err, send);
    body.replaceChildren(form);
    footer.replaceChildren();
    name.focus();

    let timer = 0;
    let asked = '';
    message.addEventListener('input', () => {
      clearTimeout(timer);
      timer = window.setTimeout(async () => {
        const text = message.value.trim();
        if (text.length < 12 || text === asked) return;
        asked = text;
        try {
          const r = await api.suggest(text);
          if (asked !== text) return;
          const items = r.confident ? r.items.slice(0, 3) : [];
          suggestions.replaceChildren(
            ...(items.length
              ? [h('div', { class: 'suggest' }, h('h3', {}, 'These articles may answer your question'),
                  h('ul', {}, ...items.map((s) => h('li', {}, h('a', { href: `${origin}/help/articles/${encodeURIComponent(s.slug)}`, target: '_blank', rel: 'noopener' }, s.title)))))]
              : []),
          );
        } catch {
          /* suggestions are a help, never a hindrance */
        }
      }, 400);
    });

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const missing = !name.value.trim() ? name : !/^\S+@\S+\.\S+$/.test(email.value.trim()) ? email : !message.value.trim() ? message : null;
      if (missing) {
        err.textContent = missing === email ? 'Please enter a valid email address.' : `Please fill in “${missing === name ? 'Your name' : 'How can we help?'}”.`;
        missing.setAttribute('aria-invalid', 'true');
        missing.focus();
        return;
      }
      send.disabled = true;
      err.textContent = '';
      try {
        const r = await api.start({ name: name.value.trim(), email: email.value.trim(), body: message.value, website: website.value });
        token = r.token;
        storage.set(token);
        await showChat(`Thanks! Your reference is ${r.reference}.${r.expectedReplyBy ? ` Expect a reply by ${when(r.expectedReplyBy)}.` : ''}`);
      } catch (x) {
        err.textContent = x instanceof Error ? x.message : 'Sending failed; please try again.';
        send.disabled = false;
      }
    });
  }

  async function showChat(announce?: string): Promise<void> {
    const status = h('p', { class: 'note', role: 'status' }, announce ?? '');
    const log = h('ol', { class: 'log', 'aria-label': 'Conversation' });
    const err = h('p', { class: 'error', role: 'alert' });
    const input = h('textarea', { id: 'heed-reply', name: 'body', maxlength: '20000', rows: '2' });
    const file = h('input', { id: 'heed-file', type: 'file', class: 'file' });
    const send = h('button', { type: 'submit', class: 'primary' }, 'Send');
    const form = h('form', { class: 'composer', 'aria-label': 'Reply' },
      h('label', { for: 'heed-reply' }, 'Your message'), input,
      h('div', { class: 'row' }, h('span', {}, h('label', { for: 'heed-file', class: 'note' }, 'Attach a file'), file), send), err);
    body.replaceChildren(status, log);
    footer.replaceChildren(form);

    const render = (c: Conversation) => {
      const eta = c.expectedReplyBy && c.messages[c.messages.length - 1]?.from === 'customer' ? ` · expect a reply by ${when(c.expectedReplyBy)}` : '';
      if (!announce) status.textContent = `Conversation ${c.reference}${eta}`;
      log.replaceChildren(...c.messages.map((m) => h('li', { class: `msg ${m.from}` },
        h('span', { class: 'who' }, m.from === 'customer' ? 'You' : m.authorName || 'Support', ` · ${when(m.createdAt)}`),
        m.body,
        ...m.attachments.map((a) => {
          const b = h('button', { type: 'button', class: 'file-link' }, `📎 ${a.filename} (${Math.ceil(a.size / 1024)} KB)`);
          b.addEventListener('click', () => void download(a.id, a.filename));
          return b;
        }))));
      body.scrollTop = body.scrollHeight;
    };
    const download = async (id: string, filename: string) => {
      if (!token) return;
      try {
        const url = URL.createObjectURL(await api.file(token, id));
        const a = h('a', { href: url, download: filename });
        root.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      } catch (x) {
        err.textContent = x instanceof Error ? x.message : 'Download failed.';
      }
    };
    const refresh = async () => {
      if (!token) return;
      try {
        render(await api.current(token));
      } catch (x) {
        if (x instanceof ApiError && x.status === 401) {
          token = null;
          storage.set(null);
          disconnect();
          return showForm();
        }
        err.textContent = 'Could not load the conversation; retrying.';
      }
    };
    await refresh();
    if (!token) return;
    onChange = () => void refresh();
    connect();
    input.focus();

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!token) return;
      const text = input.value;
      const f = file.files && file.files[0];
      if (!text.trim() && !f) return void input.focus();
      send.disabled = true;
      err.textContent = '';
      try {
        if (text.trim()) await api.send(token, text);
        if (f) await api.attach(token, f);
        input.value = '';
        file.value = '';
        announce = undefined;
        await refresh();
      } catch (x) {
        err.textContent = x instanceof Error ? x.message : 'Sending failed; please try again.';
      } finally {
        send.disabled = false;
        input.focus();
      }
    });
  }
}

const script = findScript();
const start = () => script && mount(script);
if (document.body) start();
else document.addEventListener('DOMContentLoaded', start);
