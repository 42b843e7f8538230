// The customer portal page: renders from the portal API with text nodes only, so no customer or agent text is
// ever parsed as HTML. Cookie sessions send the X-CSRF-Token header from /api/v1/portal/me on every write.
(function () {
  'use strict';
  var main = document.getElementById('portal');
  var account = document.getElementById('account');
  var csrf = null;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'onsubmit' || k === 'onclick') e[k] = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function show(title, nodes) {
    main.textContent = '';
    main.appendChild(el('h1', { text: title }));
    nodes.forEach(function (n) { if (n) main.appendChild(n); });
    document.title = title + ' · ' + document.title.split(' · ').slice(-1)[0];
  }
  function api(method, url, body, raw) {
    var headers = {};
    if (csrf && method !== 'GET') headers['X-CSRF-Token'] = csrf;
    if (body !== undefined && !raw) headers['Content-Type'] = 'application/json';
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin', body: raw ? body : body === undefined ? undefined : JSON.stringify(body) })
      .then(function (res) {
        if (res.status === 204) return null;
        return res.json().then(function (j) {
          if (!res.ok) { var err = new Error((j && j.error && j.error.message) || 'request failed'); err.status = res.status; throw err; }
          return j;
        });
      });
  }
  function when(iso) {
    if (!iso) return '';
    var d = new Date(iso);
    return d.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  }
  var statusLabel = { new: 'Received', open: 'Open', pending: 'Waiting for you', on_hold: 'On hold', solved: 'Solved', closed: 'Closed' };
  function problem(text) { return el('p', { class: 'error', role: 'alert', text: text }); }

  function signInForm(note) {
    var input = el('input', { type: 'email', id: 'portal-email', name: 'email', autocomplete: 'email', required: 'required', maxlength: '320' });
    var form = el('form', { onsubmit: function (ev) {
      ev.preventDefault();
      api('POST', '/api/v1/portal/login', { email: input.value }).then(function () {
        show('Check your inbox', [el('p', { class: 'notice', text: 'If ' + input.value + ' is known to us, we have sent it a sign-in link. It works once, for 15 minutes.' })]);
      }, function (e) { form.appendChild(problem(e.message)); });
    } }, [el('label', { for: 'portal-email', text: 'Email' }), input, el('button', { type: 'submit', text: 'Email me a sign-in link' })]);
    show('Sign in to see your support requests', [note ? problem(note) : null, el('p', { text: 'No password needed: we email you a link.' }), form]);
  }

  function ticketList(me) {
    var list = el('ul', { class: 'tickets' });
    var more = el('button', { type: 'button', class: 'secondary', text: 'Show more' });
    var cursor = null;
    function load() {
      api('GET', '/api/v1/portal/tickets?limit=25' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '')).then(function (page) {
        page.items.forEach(function (t) {
          var meta = '#' + t.number + ' · ' + (statusLabel[t.status] || t.status) + (t.expectedReplyBy && t.status !== 'solved' && t.status !== 'closed' ? ' · reply expected by ' + when(t.expectedReplyBy) : '') + (t.requester.name && t.requester.name !== me.customer.name ? ' · from ' + t.requester.name : '');
          list.appendChild(el('li', {}, [el('a', { href: '/portal/tickets/' + encodeURIComponent(t.id), text: t.subject }), el('div', { class: 'meta', text: meta })]));
        });
        cursor = page.nextCursor;
        more.hidden = !cursor;
        if (!list.firstChild) list.replaceWith(el('p', { text: 'You have no support requests yet.' }));
      }, function (e) { main.appendChild(problem(e.message)); });
    }
    more.onclick = load;
    show('Your support requests', [list, more]);
    load();
  }

  var fiveLabels = ['', 'Very poor', 'Poor', 'Okay', 'Good', 'Excellent'];
  function ratingText(scale, r) {
    if (scale === 'binary') return r === 'good' ? 'Good' : 'Bad';
    return r + ' of 5 (' + fiveLabels[r] + ')';
  }
  // "How did we do?": the answer already given, or rating buttons and an optional comment while the survey is open.
  function surveyBox(t) {
    var s = t.survey;
    var box = el('section', { class: 'survey', 'aria-labelledby': 'survey-title' }, [el('h2', { id: 'survey-title', text: 'How did we do?' })]);
    if (s.rating !== null) box.appendChild(el('p', { class: 'notice', text: 'You rated this request: ' + ratingText(s.scale, s.rating) + '. Thank you.' }));
    if (s.comment !== null) box.appendChild(el('p', { class: 'survey-comment', text: 'Your comment: ' + s.comment }));
    if (!s.open) {
      if (s.rating === null) box.appendChild(el('p', { text: 'This survey has closed.' }));
      return box;
    }
    if (s.comment !== null) return box;
    var chosen = s.rating;
    var values = s.scale === 'binary' ? ['good', 'bad'] : [1, 2, 3, 4, 5];
    var buttons = values.map(function (v) {
      var b = el('button', { type: 'button', class: 'secondary', 'aria-pressed': String(v === chosen), 'aria-label': ratingText(s.scale, v), text: s.scale === 'binary' ? ratingText(s.scale, v) : String(v) });
      b.onclick = function () {
        chosen = v;
        buttons.forEach(function (o, i) { o.setAttribute('aria-pressed', String(values[i] === chosen)); });
      };
      return b;
    });
    var comment = el('textarea', { id: 'survey-comment', name: 'comment', maxlength: '5000' });
    var status = el('p', { role: 'status' });
    box.appendChild(el('p', { id: 'survey-scale', text: s.scale === 'binary' ? 'Was our help good or bad?' : 'Rate our help from 1 (very poor) to 5 (excellent).' }));
    box.appendChild(el('div', { class: 'rating', role: 'group', 'aria-labelledby': 'survey-scale' }, buttons));
    box.appendChild(el('form', { onsubmit: function (ev) {
      ev.preventDefault();
      if (chosen === null) { status.textContent = 'Choose a rating first.'; return; }
      var body = { rating: chosen };
      if (comment.value.trim()) body.comment = comment.value;
      api('POST', '/api/v1/portal/tickets/' + encodeURIComponent(t.id) + '/survey', body).then(function () { ticketPage(t.id); }, function (e) { status.textContent = ''; box.appendChild(problem(e.message)); });
    } }, [el('label', { for: 'survey-comment', text: 'Anything you would like to tell us? (optional)' }), comment, el('button', { type: 'submit', text: s.rating === null ? 'Send rating' : 'Update rating' }), status]));
    return box;
  }

  function ticketPage(id) {
    api('GET', '/api/v1/portal/tickets/' + encodeURIComponent(id)).then(function (t) {
      var nodes = [el('p', { class: 'meta', text: '#' + t.number + ' · ' + (statusLabel[t.status] || t.status) + (t.expectedReplyBy && t.status !== 'solved' && t.status !== 'closed' ? ' · we expect to reply by ' + when(t.expectedReplyBy) : '') })];
      if (t.commitments.length) {
        nodes.push(el('h2', { text: 'What we promised' }));
        nodes.push(el('ul', { class: 'promises' }, t.commitments.map(function (c) {
          var state = c.status === 'kept' ? 'kept' : c.status === 'missed' ? 'missed, sorry' : 'open';
          return el('li', { text: 'We promised: ' + c.text + ' by ' + when(c.dueAt) + ' — ' + state });
        })));
      }
      nodes.push(el('h2', { text: 'Conversation' }));
      var files = {};
      t.attachments.forEach(function (f) { (files[f.messageId] = files[f.messageId] || []).push(f); });
      t.messages.forEach(function (m) {
        var who = m.from === 'agent' ? (m.author || 'Support') : 'You' + (m.author ? ' (' + m.author + ')' : '');
        nodes.push(el('article', { class: 'msg ' + m.from }, [
          el('div', { class: 'meta', text: who + ' · ' + when(m.createdAt) }),
          el('p', { text: m.body }),
        ].concat((files[m.id] || []).map(function (f) {
          return el('p', {}, [el('a', { href: '/api/v1/portal/attachments/' + encodeURIComponent(f.id), text: f.filename }), ' (' + Math.max(1, Math.round(f.sizeBytes / 1024)) + ' KB)']);
        }))));
      });
      if (t.status !== 'closed') {
        var box = el('textarea', { id: 'reply-body', name: 'body', maxlength: '50000', required: 'required' });
        nodes.push(el('form', { onsubmit: function (ev) {
          ev.preventDefault();
          api('POST', '/api/v1/portal/tickets/' + encodeURIComponent(t.id) + '/messages', { body: box.value }).then(function (r) { location.assign('/portal/tickets/' + encodeURIComponent(r.ticketId)); }, function (e) { main.appendChild(problem(e.message)); });
        } }, [el('label', { for: 'reply-body', text: 'Your reply' }), box, el('button', { type: 'submit', text: 'Send reply' })]));
        var file = el('input', { type: 'file', id: 'reply-file', name: 'file' });
        nodes.push(el('form', { onsubmit: function (ev) {
          ev.preventDefault();
          var f = file.files && file.files[0];
          if (!f) return;
          api('POST', '/api/v1/portal/tickets/' + encodeURIComponent(t.id) + '/attachments?filename=' + encodeURIComponent(f.name), f, true).then(function (r) { location.assign('/portal/tickets/' + encodeURIComponent(r.ticketId)); }, function (e) { main.appendChild(problem(e.message)); });
        } }, [el('label', { for: 'reply-file', text: 'Attach a file' }), file, el('button', { type: 'submit', class: 'secondary', text: 'Upload' })]));
      }
      if (t.status !== 'solved' && t.status !== 'closed') {
        nodes.push(el('button', { type: 'button', class: 'secondary', text: 'Mark as solved', onclick: function () {
          api('POST', '/api/v1/portal/tickets/' + encodeURIComponent(t.id) + '/solve', {}).then(function () { location.reload(); }, function (e) { main.appendChild(problem(e.message)); });
        } }));
      }
      if (t.survey && (t.status === 'solved' || t.status === 'closed')) nodes.push(surveyBox(t));
      nodes.push(el('p', {}, [el('a', { href: '/portal', text: 'All your requests' })]));
      show(t.subject, nodes);
    }, function (e) { show('Support request', [problem(e.status === 404 ? 'We could not find this request.' : e.message), el('p', {}, [el('a', { href: '/portal', text: 'All your requests' })])]); });
  }

  function start() {
    var pathName = location.pathname;
    if (pathName === '/portal/auth') {
      var token = new URLSearchParams(location.search).get('token') || '';
      history.replaceState(null, '', '/portal/auth');
      api('POST', '/api/v1/portal/session', { token: token }).then(function () { location.replace('/portal'); }, function (e) { signInForm(e.message); });
      return;
    }
    api('GET', '/api/v1/portal/me').then(function (me) {
      if (!me.customer) { signInForm(); return; }
      csrf = me.csrfToken;
      account.textContent = '';
      account.appendChild(el('button', { type: 'button', class: 'secondary', text: 'Sign out', onclick: function () {
        api('POST', '/api/v1/portal/logout', {}).then(function () { location.assign('/portal'); });
      } }));
      var m = /^\/portal\/tickets\/([^/]+)$/.exec(pathName);
      if (m) ticketPage(decodeURIComponent(m[1])); else ticketList(me);
    }, function () { signInForm(); });
  }
  start();
})();
