// The pool at a glance: hosts with their CPUs and memory, VMs by power state, SR usage, the
// tasks running now. Every part follows the event stream.

import { h, show, usage } from '../render.js';
import { all } from '../store.js';
import { live } from '../ui.js';
import { vms, POWER_STATES, activeTasks, progress, table, badge } from './common.js';

export function dashboardPage(view) {
  return live(() => show(view,
    h('h1', {}, 'Pool'),
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'dash-vms' }, h('h2', { id: 'dash-vms' }, 'VMs'), vmCounts()),
      h('section', { class: 'card', 'aria-labelledby': 'dash-tasks' }, h('h2', { id: 'dash-tasks' }, 'Running tasks'), tasks())),
    h('section', { class: 'card', 'aria-labelledby': 'dash-hosts' }, h('h2', { id: 'dash-hosts' }, 'Hosts'), hosts()),
    h('section', { class: 'card', 'aria-labelledby': 'dash-srs' }, h('h2', { id: 'dash-srs' }, 'Storage'), srs())));
}

function vmCounts() {
  const list = vms();
  return h('ul', { class: 'counts', id: 'vm-counts' }, POWER_STATES.map((state) =>
    h('li', { 'data-state': state },
      h('a', { href: `#/vms?state=${state}` }, h('strong', {}, String(list.filter((v) => v.powerState === state).length)), ' ', state))));
}

function hosts() {
  const rows = all('host').sort((a, b) => a.name.localeCompare(b.name)).map((host) =>
    h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/hosts/${host.id}` }, host.name)),
      h('td', {}, badge(host.live ? 'live' : 'not live'), host.enabled ? '' : [' ', badge('disabled')]),
      h('td', {}, `${host.cpuCount} CPUs`),
      h('td', {}, usage(host.memoryTotal - host.memoryFree, host.memoryTotal, `Memory used on ${host.name}`))));
  return table('Hosts in the pool', ['Host', 'State', 'CPUs', 'Memory used'], rows, 'No host has joined the pool yet.');
}

function srs() {
  const rows = all('sr').sort((a, b) => a.name.localeCompare(b.name)).map((sr) =>
    h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/storage/${sr.id}` }, sr.name)),
      h('td', {}, sr.type),
      h('td', {}, usage(sr.physicalUtilisation, sr.physicalSize, `Space used on ${sr.name}`))));
  return table('Storage repositories', ['SR', 'Type', 'Used'], rows, 'No storage repository yet.');
}

function tasks() {
  const rows = activeTasks().map((t) => h('tr', {}, h('td', {}, t.operation), h('td', {}, progress(t))));
  return table('Tasks in progress', ['Operation', 'Progress'], rows, 'Nothing is running.');
}
