// VMs: search by name, filter by power state and host; each row offers only what the VM allows
// now and the user's role may do.

import { h, show, field, bytes } from '../render.js';
import { all } from '../store.js';
import { live } from '../ui.js';
import { may } from '../session.js';
import { actionButtons } from '../actions.js';
import { vms, hostName, badge, POWER_STATES, table } from './common.js';

export function vmListPage(view) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const search = h('input', { type: 'search', id: 'vm-search', placeholder: 'Name contains…' });
  const state = h('select', { id: 'vm-state' }, h('option', { value: '' }, 'Any'), POWER_STATES.map((s) => h('option', { value: s }, s)));
  state.value = params.get('state') || '';
  const host = h('select', { id: 'vm-host' });
  const results = h('div', { id: 'vm-results' });
  const refresh = () => renderRows(results, search.value, state.value, host);
  [search, state, host].forEach((c) => c.addEventListener('input', refresh));

  show(view,
    h('div', { class: 'title' }, h('h1', {}, 'VMs'),
      may('vm.create') ? h('a', { class: 'button primary', href: '#/vms/new', id: 'new-vm' }, 'New VM') : null),
    h('form', { class: 'filters', role: 'search', onsubmit: (e) => e.preventDefault() },
      field('Search', search), field('Power state', state), field('Host', host)),
    results);
  return live(() => {
    fillHosts(host);
    refresh();
  }, (e) => e.class === 'vm' || e.class === 'host');
}

function fillHosts(select) {
  const chosen = select.value;
  select.replaceChildren(h('option', { value: '' }, 'Any'),
    all('host').map((host) => h('option', { value: host.id }, host.name)));
  select.value = chosen;
}

function renderRows(region, text, state, hostSelect) {
  const needle = text.trim().toLowerCase();
  const list = vms().filter((v) => (!needle || v.name.toLowerCase().includes(needle))
    && (!state || v.powerState === state) && (!hostSelect.value || v.residentOn === hostSelect.value));
  const rows = list.map((vm) => h('tr', { 'data-vm': vm.id, 'data-name': vm.name },
    h('th', { scope: 'row' }, h('a', { href: `#/vms/${vm.id}` }, vm.name)),
    h('td', { class: 'power' }, badge(vm.powerState)),
    h('td', {}, hostName(vm.residentOn)),
    h('td', {}, String(vm.vcpusMax)),
    h('td', {}, bytes(vm.memoryStaticMax)),
    h('td', { class: 'actions' }, actionButtons('vm', vm, vm.name))));
  show(region, h('p', { class: 'count', role: 'status' }, `${list.length} of ${vms().length} VMs`),
    table('Virtual machines', ['Name', 'Power state', 'Host', 'vCPUs', 'Memory', 'Actions'], rows, 'No VM matches.'));
}
