import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstNameOf, placeholders, renderMacro, unknownPlaceholders, valuesFrom, type MacroValues } from './render.ts';

const full: MacroValues = {
  'customer.name': 'Maria Lopez',
  'customer.firstName': 'Maria',
  'customer.email': 'maria@example.com',
  'ticket.number': 1042,
  'ticket.subject': 'Card not arrived',
  'ticket.status': 'on hold',
  'agent.name': 'Sam Reed',
  'agent.firstName': 'Sam',
  'workspace.name': 'Acme Support',
};

describe('renderMacro', () => {
  const cases: [string, string, MacroValues, string][] = [
    ['plain text is kept', 'Thanks for waiting.', full, 'Thanks for waiting.'],
    ['every placeholder', placeholders.map((p) => `{{${p}}}`).join('|'), full,
      'Maria Lopez|Maria|maria@example.com|1042|Card not arrived|on hold|Sam Reed|Sam|Acme Support'],
    ['whitespace inside the braces', 'Hi {{ customer.firstName }} and {{\tagent.name\n}}', full, 'Hi Maria and Sam Reed'],
    ['a placeholder used twice', '{{customer.firstName}}, {{customer.firstName}}!', full, 'Maria, Maria!'],
    ['missing first name falls back to "there"', 'Hi {{customer.firstName}},', {}, 'Hi there,'],
    ['blank name falls back to "there"', 'Dear {{customer.name}}', { 'customer.name': '   ' }, 'Dear there'],
    ['null agent name falls back to "there"', '{{agent.name}}/{{agent.firstName}}', { 'agent.name': null }, 'there/there'],
    ['missing email is empty', 'Mail: <{{customer.email}}>', { 'customer.email': null }, 'Mail: <>'],
    ['missing workspace name is empty', '[{{workspace.name}}]', {}, '[]'],
    ['unknown placeholders stay as written', 'x {{ customer.phone }} {{}} y', full, 'x {{ customer.phone }} {{}} y'],
    ['names are case-sensitive', '{{Customer.Name}}', full, '{{Customer.Name}}'],
    ['unclosed braces are text', 'Hi {{customer.name', full, 'Hi {{customer.name'],
    ['triple braces keep the outer ones', '{{{customer.firstName}}}', full, '{Maria}'],
    ['HTML in the body stays text', '<b>Hi</b> {{customer.firstName}} <script>x()</script>', full, '<b>Hi</b> Maria <script>x()</script>'],
    ['HTML in a value stays text', 'Hi {{customer.name}}', { 'customer.name': '<img src=x onerror=alert(1)> & co' }, 'Hi <img src=x onerror=alert(1)> & co'],
    ['a value that looks like a placeholder is not expanded again', '{{ticket.subject}}', { 'ticket.subject': '{{agent.name}}', 'agent.name': 'Sam' }, '{{agent.name}}'],
    ['numbers render as digits', '#{{ticket.number}}', { 'ticket.number': 7 }, '#7'],
  ];
  for (const [title, body, values, expected] of cases) {
    it(title, () => assert.equal(renderMacro(body, values), expected));
  }
});

describe('unknownPlaceholders', () => {
  const cases: [string, string[]][] = [
    ['Hi {{customer.firstName}}', []],
    ['{{ customer.phone }} {{customer.phone}} {{order.id}}', ['customer.phone', 'order.id']],
    ['{{}}', ['']],
    ['{{ customer.NAME }}', ['customer.NAME']],
    ['no braces at all', []],
    ['{single} {{customer.email}}', []],
  ];
  for (const [body, expected] of cases) {
    it(JSON.stringify(body), () => assert.deepEqual(unknownPlaceholders(body), expected));
  }
});

describe('valuesFrom', () => {
  it('derives first names and a readable status', () => {
    const v = valuesFrom({
      customer: { name: '  Ana María Ruiz ', email: 'ana@example.com' },
      ticket: { number: 5, subject: 'S', status: 'on_hold' },
      agent: { name: 'Kim' },
      workspace: { name: 'Acme' },
    });
    assert.equal(v['customer.firstName'], 'Ana');
    assert.equal(v['agent.firstName'], 'Kim');
    assert.equal(v['ticket.status'], 'on hold');
    assert.equal(renderMacro('Hi {{customer.firstName}}', v), 'Hi Ana');
  });
  it('leaves missing names missing so the fallback applies', () => {
    assert.equal(firstNameOf(null), null);
    assert.equal(firstNameOf('   '), null);
    const v = valuesFrom({ customer: { name: null, email: null }, ticket: { number: 1, subject: 'S', status: 'new' }, agent: { name: null }, workspace: { name: null } });
    assert.equal(renderMacro('Hi {{customer.firstName}}, {{customer.email}}.', v), 'Hi there, .');
  });
});
