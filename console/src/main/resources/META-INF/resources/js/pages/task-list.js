// Tasks: live progress and status of the newest tasks; cancel where the task and the role allow.

import { h, show, field } from '../render.js';
import { all } from '../store.js';
import { live, when } from '../ui.js';
import { actionButtons } from '../actions.js';
import { badge, progress, table } from './common.js';

export function taskListPage(view) {
  const status = h('select', { id: 'task-status' }, h('option', { value: '' }, 'Any'),
    ['pending', 'cancelling', 'success', 'failure', 'cancelled'].map((s) => h('option', { value: s }, s)));
  const results = h('div', {});
  const render = () => {
    const rows = all('task').filter((t) => !status.value || t.status === status.value)
      .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt))).slice(0, 200)
      .map((t) => h('tr', { 'data-task': t.id },
        h('td', {}, t.operation),
        h('td', {}, target(t)),
        h('td', {}, badge(t.status)),
        h('td', {}, progress(t)),
        h('td', {}, t.createdBy || ''),
        h('td', {}, when(t.createdAt)),
        h('td', {}, t.error ? t.error.code : ''),
        h('td', { class: 'actions' }, actionButtons('task', t, t.operation))));
    show(results, table('Tasks, newest first', ['Operation', 'Target', 'Status', 'Progress', 'By', 'Created', 'Error', 'Actions'],
      rows, 'No task matches.'));
  };
  status.addEventListener('input', render);
  show(view, h('h1', {}, 'Tasks'), h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() }, field('Status', status)), results);
  return live(render, (e) => e.class === 'task');
}

/** What a task works on: a link to a VM or host, else its class (pool-wide tasks have no id). */
function target(task) {
  const t = task.target;
  if (!t) return '';
  if (!t.id) return t.objectClass;
  const label = `${t.objectClass} ${t.id.slice(0, 8)}`;
  return t.objectClass === 'vm' || t.objectClass === 'host' ? h('a', { href: `#/${t.objectClass}s/${t.id}` }, label) : label;
}
