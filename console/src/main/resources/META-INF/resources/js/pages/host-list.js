// Hosts: liveness, enabled, CPUs, memory, resident VMs; enable and disable where allowed.

import { h, show, usage } from '../render.js';
import { all } from '../store.js';
import { live } from '../ui.js';
import { actionButtons } from '../actions.js';
import { vms, badge, table } from './common.js';

export function hostListPage(view) {
  return live(() => {
    const rows = all('host').sort((a, b) => a.name.localeCompare(b.name)).map((host) =>
      h('tr', { 'data-host': host.id },
        h('th', { scope: 'row' }, h('a', { href: `#/hosts/${host.id}` }, host.name)),
        h('td', {}, host.address),
        h('td', {}, badge(host.live ? 'live' : 'not live')),
        h('td', { class: 'enabled' }, badge(host.enabled ? 'enabled' : 'disabled')),
        h('td', {}, String(host.cpuCount)),
        h('td', {}, usage(host.memoryTotal - host.memoryFree, host.memoryTotal, `Memory used on ${host.name}`)),
        h('td', {}, String(vms().filter((v) => v.residentOn === host.id).length)),
        h('td', { class: 'actions' }, actionButtons('host', host, host.name))));
    show(view, h('h1', {}, 'Hosts'),
      table('Hosts in the pool', ['Host', 'Address', 'Liveness', 'Enabled', 'CPUs', 'Memory used', 'VMs', 'Actions'], rows,
        'No host has joined the pool yet.'));
  }, (e) => e.class === 'host' || e.class === 'vm');
}
