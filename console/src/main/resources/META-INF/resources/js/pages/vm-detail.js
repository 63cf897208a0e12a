// One VM: overview, actions, disks, networks and its tasks. The VM and its tasks come from the
// store; disks and NICs are read when the page opens and again when a vbd, vdi or vif event comes.

import { h, show, bytes } from '../render.js';
import { one, all } from '../store.js';
import { get, api } from '../api.js';
import { live, when, report, attempt } from '../ui.js';
import { may } from '../session.js';
import { actionButtons } from '../actions.js';
import { hostName, badge, progress, table } from './common.js';

export function vmDetailPage(view, { id }) {
  let devices = { disks: [], nics: [], networks: new Map() };
  const render = () => renderVm(view, id, devices);
  const loadDevices = async () => {
    try {
      devices = await readDevices(id);
      render();
    } catch (err) {
      report(err);
    }
  };
  const stop = live(render, (e) => e.ref === id || e.class === 'task' || e.class === 'host');
  const stopDevices = live(loadDevices, (e) => ['vbd', 'vdi', 'vif'].includes(e.class));
  return () => {
    stop();
    stopDevices();
  };
}

async function readDevices(id) {
  const [vbds, vifs, networks] = await Promise.all([get(`/vbds?vm=${id}`), get(`/vifs?vm=${id}`), get('/networks')]);
  const disks = await Promise.all(vbds.map(async (vbd) => ({ vbd, vdi: vbd.vdiId ? await get(`/vdis/${vbd.vdiId}`) : null })));
  return { disks, nics: vifs, networks: new Map(networks.map((n) => [n.id, n])) };
}

function renderVm(view, id, devices) {
  const vm = one('vm', id);
  if (!vm) {
    show(view, h('h1', {}, 'VM not found'), h('p', {}, 'This VM does not exist (any more). '), h('a', { href: '#/vms' }, 'All VMs'));
    return;
  }
  show(view,
    h('div', { class: 'title' }, h('h1', {}, vm.name), h('span', { class: 'power', id: 'vm-power' }, badge(vm.powerState))),
    h('div', { class: 'actions', id: 'vm-actions' }, actionButtons('vm', vm, vm.name)),
    h('section', { class: 'card', 'aria-labelledby': 'vm-overview' }, h('h2', { id: 'vm-overview' }, 'Overview'), overview(vm)),
    h('section', { class: 'card', 'aria-labelledby': 'vm-disks' }, h('h2', { id: 'vm-disks' }, 'Disks'), disks(devices)),
    h('section', { class: 'card', 'aria-labelledby': 'vm-nics' }, h('h2', { id: 'vm-nics' }, 'Networks'), nics(devices)),
    h('section', { class: 'card', 'aria-labelledby': 'vm-tasks' }, h('h2', { id: 'vm-tasks' }, 'Tasks'), tasks(id)));
}

function overview(vm) {
  const rows = [
    ['Description', vm.description || '—'],
    ['Power state', vm.powerState + (vm.powerStateUncertain ? ' (uncertain: its host is not live)' : '')],
    ['Host', hostName(vm.residentOn) || '—'],
    ['vCPUs', `${vm.vcpusAtStartup} of ${vm.vcpusMax}`],
    ['Memory', `${bytes(vm.memoryDynamicMax)} (static ${bytes(vm.memoryStaticMin)} – ${bytes(vm.memoryStaticMax)})`],
    ['Domain type', vm.domainType],
    ['Started', vm.metrics && vm.metrics.startTime ? when(vm.metrics.startTime) : '—'],
    ['HA restart priority', haPriority(vm)],
    ['Tags', (vm.tags || []).join(', ') || '—'],
    ['Id', vm.id],
  ];
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function disks({ disks: list }) {
  const rows = list.map(({ vbd, vdi }) => h('tr', {},
    h('td', {}, vbd.device || `#${vbd.userdevice}`),
    h('td', {}, vdi ? vdi.name : '(empty)'),
    h('td', {}, vdi ? bytes(vdi.virtualSize) : ''),
    h('td', {}, vbd.mode),
    h('td', {}, vbd.currentlyAttached ? 'attached' : 'detached')));
  return table('Disks of this VM', ['Device', 'Disk', 'Size', 'Mode', 'Attached'], rows, 'This VM has no disk.');
}

function nics({ nics: list, networks }) {
  const rows = list.map((vif) => h('tr', {},
    h('td', {}, String(vif.device)),
    h('td', {}, networks.has(vif.networkId) ? networks.get(vif.networkId).name : vif.networkId),
    h('td', {}, vif.mac),
    h('td', {}, vif.currentlyAttached ? 'attached' : 'detached')));
  return table('Network interfaces of this VM', ['Device', 'Network', 'MAC', 'Attached'], rows, 'This VM has no network interface.');
}

function tasks(id) {
  const rows = all('task').filter((t) => t.target && t.target.id === id)
    .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt))).slice(0, 20)
    .map((t) => h('tr', {}, h('td', {}, t.operation), h('td', {}, badge(t.status)), h('td', {}, progress(t)),
      h('td', {}, when(t.createdAt)), h('td', {}, t.error ? t.error.code : '')));
  return table('Recent tasks on this VM', ['Operation', 'Status', 'Progress', 'Created', 'Error'], rows, 'No task on this VM yet.');
}

/**
 * The VM's HA protection; where the role may set it (vm.set_ha: in any power state, so the API
 * leaves it out of allowedOperations; not on templates and snapshots), choosing a priority sets it.
 */
function haPriority(vm) {
  const current = vm.haRestartPriority || '';
  if (!may('vm.set_ha') || vm.isATemplate || vm.isASnapshot) return h('span', { id: 'vm-ha' }, current || 'not protected');
  const choices = [['', 'not protected'], ['restart', 'restart'], ['best-effort', 'best-effort']];
  return h('select', { id: 'vm-ha', 'aria-label': `HA restart priority of ${vm.name}`,
    onchange: (e) => attempt(() => api('PUT', `/vms/${vm.id}/ha`,
      { restartPriority: e.target.value, order: vm.haOrder || 0, startDelaySeconds: vm.haStartDelaySeconds || 0 })) },
  choices.map(([value, text]) => h('option', { value, selected: value === current }, text)));
}
