// API tokens: yours (a pool-admin: everyone's); create one (its secret is shown once, here, and
// never again) and revoke one (asked first, naming it).

import { h, show, field } from '../render.js';
import { get, post, del } from '../api.js';
import { attempt, confirmed, report, when } from '../ui.js';
import { may, user, roles } from '../session.js';
import { table } from './common.js';

export function tokenListPage(view) {
  const region = h('div');
  const secret = h('div', { id: 'token-secret', 'aria-live': 'polite' });
  const reload = async () => {
    try {
      show(region, tokenTable(await get('/tokens'), reload));
    } catch (err) {
      report(err);
    }
  };
  show(view, h('h1', {}, 'API tokens'), may('token.create') ? newTokenForm(secret, reload) : null, secret, region);
  reload();
}

function tokenTable(tokens, reload) {
  const rows = [...tokens].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt))).map((t) => h('tr', { 'data-token': t.id, 'data-name': t.name },
    h('th', { scope: 'row' }, t.name), h('td', {}, t.owner), h('td', {}, t.role), h('td', {}, when(t.createdAt)),
    h('td', {}, t.expiresAt ? when(t.expiresAt) : 'never'), h('td', { class: 'state' }, t.revokedAt ? `revoked ${when(t.revokedAt)}` : 'active'),
    h('td', { class: 'actions' }, !t.revokedAt && mayRevoke(t) ? h('button', { type: 'button', class: 'danger', 'data-action': 'revoke',
      'aria-label': `Revoke ${t.name}`, onclick: async () => {
        if (!(await confirmed(`Revoke TOKEN "${t.name}"? Whatever uses it stops working.`, 'Revoke'))) return;
        await attempt(() => del(`/tokens/${t.id}`));
        await reload();
      } }, 'Revoke') : null)));
  return table('API tokens', ['Token', 'Owner', 'Role', 'Created', 'Expires', 'State', 'Actions'], rows, 'No API token.');
}

function mayRevoke(t) {
  return may('token.revoke') && (t.owner === (user() || {}).username || may('token.manage_any'));
}

function newTokenForm(secret, reload) {
  const name = h('input', { id: 'token-name', required: true, maxlength: 255 });
  const role = h('select', { id: 'token-role' }, rolesUpToMine().map((r) => h('option', { value: r, selected: r === (user() || {}).role }, r)));
  const days = h('input', { id: 'token-days', type: 'number', min: 1, max: 3650, placeholder: 'never' });
  return h('form', { class: 'filters card', id: 'new-token', 'aria-label': 'New API token', onsubmit: (e) => {
    e.preventDefault();
    attempt(async () => {
      const made = await post('/tokens', { name: name.value, role: role.value,
        expiresInSeconds: days.value ? Number(days.value) * 86400 : null });
      show(secret, h('div', { class: 'card secret' }, h('p', {}, `The secret of "${made.name}", shown this once: copy it now.`),
        h('code', { id: 'token-value' }, made.token)));
      name.value = '';
      await reload();
    });
  } }, field('Name', name), field('Role', role), field('Expires after (days)', days),
  h('button', { type: 'submit', class: 'primary', id: 'token-create' }, 'Create token'));
}

/** The roles a token may have: those that may do nothing the user's own role may not (as GET /api/v1/roles says). */
function rolesUpToMine() {
  const mine = roles().find((r) => r.name === (user() || {}).role);
  const allowed = new Set(mine ? mine.operations : []);
  return roles().filter((r) => r.operations.every((op) => allowed.has(op))).map((r) => r.name);
}
