// The audit log (pool-admin): every mutating call and login attempt, newest first, 50 a page.

import { h, show } from '../render.js';
import { get } from '../api.js';
import { report, when } from '../ui.js';
import { table } from './common.js';

const PAGE = 50;

export function auditPage(view) {
  let offset = 0;
  const region = h('div');
  const prev = h('button', { type: 'button', id: 'audit-prev', onclick: () => turn(-PAGE) }, 'Newer');
  const next = h('button', { type: 'button', id: 'audit-next', onclick: () => turn(PAGE) }, 'Older');
  const where = h('span', { id: 'audit-page', role: 'status' });
  async function turn(by) {
    offset = Math.max(0, offset + by);
    try {
      const entries = await get(`/audit?limit=${PAGE}&offset=${offset}`);
      where.textContent = entries.length ? `Entries ${offset + 1}–${offset + entries.length}` : 'No more entries';
      prev.disabled = offset === 0;
      next.disabled = entries.length < PAGE;
      show(region, auditTable(entries));
    } catch (err) {
      report(err);
    }
  }
  show(view, h('h1', {}, 'Audit log'), h('nav', { class: 'pager', 'aria-label': 'Audit log pages' }, prev, where, next), region);
  turn(0);
}

function auditTable(entries) {
  const rows = entries.map((e) => h('tr', { 'data-operation': e.operation },
    h('td', {}, when(e.at)), h('td', {}, e.subject), h('td', {}, e.source || ''), h('th', { scope: 'row' }, e.operation),
    h('td', {}, e.target || ''), h('td', { class: 'outcome' }, e.success ? 'allowed' : 'refused'), h('td', {}, String(e.httpStatus)),
    h('td', {}, e.errorCode || '')));
  return table('Audit entries, newest first', ['When', 'Who', 'From', 'Operation', 'Target', 'Outcome', 'Status', 'Error'], rows, 'No entry.');
}
