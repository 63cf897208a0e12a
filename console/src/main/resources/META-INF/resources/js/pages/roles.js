// Roles: what each role may do, as GET /api/v1/roles says (the server's one declaration of every
// operation). Read-only: roles are fixed.

import { h, show } from '../render.js';
import { roles } from '../session.js';
import { table } from './common.js';

/** The roles' names, in the order the server lists them. */
export function roleNames() {
  return roles().map((r) => r.name);
}

export function roleMatrixPage(view) {
  const list = roles();
  const operations = [...new Set(list.flatMap((r) => r.operations))].sort();
  const rows = operations.map((op) => h('tr', { 'data-operation': op },
    h('th', { scope: 'row' }, op),
    list.map((r) => (r.operations.includes(op)
      ? h('td', { class: 'yes' }, h('span', { 'aria-label': `${r.name} may ${op}` }, '✓'))
      : h('td', { class: 'no' }, h('span', { 'aria-label': `${r.name} may not ${op}` }, '–'))))));
  show(view, h('h1', {}, 'Roles'), h('p', {}, 'What each role may do, as the server declares it.'),
    table('Operations by role', ['Operation', ...list.map((r) => r.name)], rows, 'No role.'));
}
