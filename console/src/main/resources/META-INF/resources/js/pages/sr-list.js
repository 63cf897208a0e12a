// Storage: every SR with its usage, the pool's default SR (where a disk made without an SR goes)
// and, for a pool-operator, the button that makes another SR the default.

import { h, show, usage, bytes } from '../render.js';
import { all } from '../store.js';
import { get, patch } from '../api.js';
import { live, attempt, report } from '../ui.js';
import { may } from '../session.js';
import { table } from './common.js';

export function srListPage(view) {
  let pool = null;
  const render = () => renderSrs(view, pool, async () => { pool = await get('/pool'); render(); });
  const loadPool = async () => {
    try {
      pool = await get('/pool');
      render();
    } catch (err) {
      report(err);
    }
  };
  const stop = live(render, (e) => e.class === 'sr');
  const stopPool = live(loadPool, (e) => e.class === 'pool');
  return () => {
    stop();
    stopPool();
  };
}

function renderSrs(view, pool, reloadPool) {
  const defaultSr = pool ? pool.defaultSr : null;
  const rows = all('sr').sort((a, b) => a.name.localeCompare(b.name)).map((sr) => h('tr', { 'data-sr': sr.id, 'data-name': sr.name },
    h('th', { scope: 'row' }, h('a', { href: `#/storage/${sr.id}` }, sr.name)),
    h('td', {}, sr.type),
    h('td', {}, sr.shared ? 'shared' : 'local'),
    h('td', {}, usage(sr.physicalUtilisation, sr.physicalSize, `Space used on ${sr.name}`)),
    h('td', {}, bytes(sr.virtualAllocation)),
    h('td', { class: 'default' }, sr.id === defaultSr ? 'default' : ''),
    h('td', { class: 'actions' }, sr.id !== defaultSr && pool && may('pool.update')
      ? h('button', { type: 'button', 'data-action': 'make_default', 'aria-label': `Make ${sr.name} the default SR`,
        onclick: () => attempt(async () => { await patch('/pool', { defaultSr: sr.id }); await reloadPool(); }) }, 'Make default')
      : null)));
  show(view, h('h1', {}, 'Storage'),
    table('Storage repositories', ['SR', 'Type', 'Sharing', 'Space used', 'Allocated to disks', 'Default', 'Actions'], rows,
      'No storage repository yet.'));
}
