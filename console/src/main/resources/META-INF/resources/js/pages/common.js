// Small pieces several pages share: what counts as a VM, names of hosts, a state badge.

import { all, one } from '../store.js';
import { h } from '../render.js';

export const POWER_STATES = ['running', 'halted', 'paused', 'suspended'];

/** Real VMs: not templates, not snapshots. */
export function vms() {
  return all('vm').filter((v) => !v.isATemplate && !v.isASnapshot)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function hostName(id) {
  const host = id && one('host', id);
  return host ? host.name : '';
}

export function badge(state) {
  return h('span', { class: `badge state-${state.replace(/\s+/g, '-')}` }, state);
}

export function activeTasks() {
  return all('task').filter((t) => t.status === 'pending' || t.status === 'cancelling')
    .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
}

export function progress(task) {
  return h('span', { class: 'progress' },
    h('progress', { max: 1, value: task.progress, 'aria-label': `${task.operation} progress` }),
    ` ${Math.round(task.progress * 100)}%`);
}

export function table(caption, headings, rows, empty) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headings.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows));
}

/** The newest tasks on one object, with the error's code and, when the error gives one, its reason. */
export function tasksOn(id, caption, empty) {
  const rows = all('task').filter((t) => t.target && t.target.id === id)
    .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt))).slice(0, 20)
    .map((t) => h('tr', { 'data-task': t.id }, h('td', {}, t.operation), h('td', { class: 'status' }, badge(t.status)),
      h('td', {}, progress(t)), h('td', {}, t.createdAt ? new Date(t.createdAt).toLocaleString() : ''),
      h('td', { class: 'error' }, failure(t))));
  return table(caption, ['Operation', 'Status', 'Progress', 'Created', 'Error'], rows, empty);
}

function failure(task) {
  if (!task.error) return '';
  const { vm, reason } = task.error.parameters || {};
  if (!reason) return task.error.code;
  return `${task.error.code}: ${vm ? `VM ${vm}: ` : ''}${reason}`;
}
