// Users: every user with their role; a pool-admin creates users, changes a role, unlocks a user
// locked out by failed logins and deletes a user (asked first, naming them). Live: user events.

import { h, show, field } from '../render.js';
import { get, post, patch, del } from '../api.js';
import { live, attempt, confirmed, report, when } from '../ui.js';
import { may, user } from '../session.js';
import { table } from './common.js';
import { roleNames } from './roles.js';

export function userListPage(view) {
  let users = [];
  const region = h('div');
  show(view, h('h1', {}, 'Users'), may('user.create') ? newUserForm() : null, region);
  const load = async () => {
    try {
      users = await get('/users');
      show(region, userTable(users));
    } catch (err) {
      report(err);
    }
  };
  return live(load, (e) => e.class === 'user');
}

function userTable(users) {
  const rows = [...users].sort((a, b) => a.username.localeCompare(b.username)).map((u) => h('tr', { 'data-user': u.id, 'data-name': u.username },
    h('th', { scope: 'row' }, u.username), h('td', {}, u.fullName || ''), h('td', { class: 'role' }, u.role),
    h('td', {}, u.enabled ? 'enabled' : 'disabled'), h('td', {}, when(u.createdAt)),
    h('td', { class: 'actions' }, actions(u))));
  return table('Users', ['User', 'Full name', 'Role', 'Enabled', 'Created', 'Actions'], rows, 'No user.');
}

function actions(u) {
  const self = u.username === (user() || {}).username;
  const role = h('select', { 'data-input': 'role', 'aria-label': `New role of ${u.username}` },
    roleNames().map((r) => h('option', { value: r, selected: r === u.role }, r)));
  return [
    may('user.update') && !self ? h('span', { class: 'inline' }, role, h('button', { type: 'button', 'data-action': 'set_role',
      'aria-label': `Change the role of ${u.username}`, onclick: () => attempt(() => patch(`/users/${u.id}`, { role: role.value })) }, 'Change role')) : null,
    may('user.unlock') ? h('button', { type: 'button', 'data-action': 'unlock', 'aria-label': `Unlock ${u.username}`,
      onclick: () => attempt(() => post(`/users/${u.id}/unlock`)) }, 'Unlock') : null,
    may('user.destroy') && !self ? h('button', { type: 'button', class: 'danger', 'data-action': 'destroy', 'aria-label': `Delete ${u.username}`,
      onclick: async () => {
        if (await confirmed(`Delete USER "${u.username}"? Their sessions and tokens end.`, 'Delete')) await attempt(() => del(`/users/${u.id}`));
      } }, 'Delete') : null,
  ];
}

function newUserForm() {
  const c = {
    username: h('input', { id: 'user-name', required: true, maxlength: 255, autocomplete: 'off' }),
    fullName: h('input', { id: 'user-full-name', maxlength: 255 }),
    role: h('select', { id: 'user-role' }, roleNames().map((r) => h('option', { value: r }, r))),
    password: h('input', { id: 'user-password', type: 'password', required: true, minlength: 8, autocomplete: 'new-password' }),
  };
  return h('form', { class: 'filters card', id: 'new-user', 'aria-label': 'New user', onsubmit: (e) => {
    e.preventDefault();
    attempt(async () => {
      await post('/users', { username: c.username.value, fullName: c.fullName.value, role: c.role.value, password: c.password.value });
      c.username.value = '';
      c.password.value = '';
    });
  } }, field('User name', c.username), field('Full name', c.fullName), field('Role', c.role), field('Password (8 or more characters)', c.password),
  h('button', { type: 'submit', class: 'primary', id: 'user-create' }, 'Create user'));
}
