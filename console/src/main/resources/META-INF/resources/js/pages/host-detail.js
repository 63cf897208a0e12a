// One host: overview, software, resident VMs, its network interfaces (PIFs), its tasks (an
// evacuation that failed says which VM could not leave and why); enable, disable and evacuate.

import { h, show, usage, bytes } from '../render.js';
import { one } from '../store.js';
import { get } from '../api.js';
import { live, when, report } from '../ui.js';
import { actionButtons } from '../actions.js';
import { vms, badge, table, tasksOn } from './common.js';
import { pifTable } from './pifs.js';

export function hostDetailPage(view, { id }) {
  let pifs = [];
  const render = () => renderHost(view, id, pifs);
  const loadPifs = async () => {
    try {
      pifs = await get(`/pifs?host=${id}`);
      render();
    } catch (err) {
      report(err);
    }
  };
  const stop = live(render, (e) => e.ref === id || e.class === 'vm' || e.class === 'task');
  const stopPifs = live(loadPifs, (e) => e.class === 'pif');
  return () => {
    stop();
    stopPifs();
  };
}

function renderHost(view, id, pifs) {
  const host = one('host', id);
  if (!host) {
    show(view, h('h1', {}, 'Host not found'), h('a', { href: '#/hosts' }, 'All hosts'));
    return;
  }
  const facts = [
    ['Address', host.address], ['Live', host.live ? 'yes' : 'no'], ['Enabled', host.enabled ? 'yes' : 'no'],
    ['CPUs', String(host.cpuCount)], ['Memory', bytes(host.memoryTotal)], ['Last heartbeat', when(host.lastHeartbeat)],
    ['Joined', when(host.joinedAt)],
    ...Object.entries(host.softwareVersions || {}).map(([k, v]) => [k, v]),
  ];
  const resident = vms().filter((v) => v.residentOn === id).map((vm) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `#/vms/${vm.id}` }, vm.name)), h('td', {}, badge(vm.powerState)), h('td', {}, bytes(vm.memoryStaticMax))));
  show(view,
    h('div', { class: 'title' }, h('h1', {}, host.name), badge(host.enabled ? 'enabled' : 'disabled')),
    h('div', { class: 'actions', id: 'host-actions' }, actionButtons('host', host, host.name)),
    h('section', { class: 'card', 'aria-labelledby': 'host-overview' }, h('h2', { id: 'host-overview' }, 'Overview'),
      usage(host.memoryTotal - host.memoryFree, host.memoryTotal, `Memory used on ${host.name}`),
      h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))),
    h('section', { class: 'card', 'aria-labelledby': 'host-vms' }, h('h2', { id: 'host-vms' }, 'Resident VMs'),
      table('VMs on this host', ['VM', 'Power state', 'Memory'], resident, 'No VM runs here.')),
    h('section', { class: 'card', 'aria-labelledby': 'host-pifs' }, h('h2', { id: 'host-pifs' }, 'Network interfaces'),
      pifTable(pifs, `Network interfaces (PIFs) of ${host.name}`)),
    h('section', { class: 'card', 'aria-labelledby': 'host-tasks' }, h('h2', { id: 'host-tasks' }, 'Tasks'),
      tasksOn(id, 'Recent tasks on this host', 'No task on this host yet.')));
}
