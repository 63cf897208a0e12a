// Networks: the pool's networks, VLANs and bonds, and every host's PIFs with their IP
// configuration; a pool-operator creates networks and VLANs and deletes them (asked first, naming
// them). Read when the page opens and again after a network, vlan, bond or pif event.

import { h, show, field } from '../render.js';
import { all } from '../store.js';
import { get, post, del } from '../api.js';
import { live, attempt, confirmed, report } from '../ui.js';
import { may, offered } from '../session.js';
import { hostName, table } from './common.js';
import { pifTable } from './pifs.js';

const CLASSES = ['network', 'vlan', 'bond', 'pif'];

export function networkListPage(view) {
  let data = { networks: [], vlans: [], bonds: [], pifs: [] };
  // the forms are made once, outside what the events re-render, so typing is never lost
  const vlanForm = may('vlan.create') ? newVlanForm() : null;
  const regions = { networks: h('div'), vlans: h('div'), bonds: h('div'), pifs: h('div') };
  show(view, h('h1', {}, 'Networks'),
    h('section', { class: 'card', 'aria-labelledby': 'net-networks' }, h('h2', { id: 'net-networks' }, 'Networks'),
      may('network.create') ? newNetworkForm() : null, regions.networks),
    h('section', { class: 'card', 'aria-labelledby': 'net-vlans' }, h('h2', { id: 'net-vlans' }, 'VLANs'),
      vlanForm ? vlanForm.form : null, regions.vlans),
    h('section', { class: 'card', 'aria-labelledby': 'net-bonds' }, h('h2', { id: 'net-bonds' }, 'Bonds'), regions.bonds),
    h('section', { class: 'card', 'aria-labelledby': 'net-pifs' }, h('h2', { id: 'net-pifs' }, 'Host interfaces (PIFs)'), regions.pifs));
  const render = () => {
    renderNetworks(regions, data);
    if (vlanForm) vlanForm.fill(data);
  };
  const load = async () => {
    try {
      const [networks, vlans, bonds, pifs] = await Promise.all(['/networks', '/vlans', '/bonds', '/pifs'].map((p) => get(p)));
      data = { networks, vlans, bonds, pifs };
      render();
    } catch (err) {
      report(err);
    }
  };
  const stop = live(render, (e) => e.class === 'host');
  const stopData = live(load, (e) => CLASSES.includes(e.class));
  return () => {
    stop();
    stopData();
  };
}

function renderNetworks(regions, { networks, vlans, bonds, pifs }) {
  const byId = new Map(networks.map((n) => [n.id, n]));
  const pifById = new Map(pifs.map((p) => [p.id, p]));
  show(regions.networks, networkTable(networks));
  show(regions.vlans, vlanTable(vlans, byId, pifById));
  show(regions.bonds, bondTable(bonds, byId, pifById));
  show(regions.pifs, all('host').sort((a, b) => a.name.localeCompare(b.name)).map((host) =>
    pifTable(pifs.filter((p) => p.hostId === host.id), `Interfaces of ${host.name}`, byId)));
}

function deleteButton(objectClass, object, name, path) {
  if (!offered(objectClass, object).includes('destroy')) return null;
  return h('button', { type: 'button', class: 'danger', 'data-action': 'destroy', 'aria-label': `Delete ${name}`,
    onclick: async () => {
      if (await confirmed(`Delete ${objectClass.toUpperCase()} "${name}"?`, 'Delete')) await attempt(() => del(path));
    } }, 'Delete');
}

function networkTable(networks) {
  const rows = [...networks].sort((a, b) => a.name.localeCompare(b.name)).map((n) => h('tr', { 'data-network': n.id, 'data-name': n.name },
    h('th', { scope: 'row' }, n.name), h('td', {}, n.bridge || ''), h('td', {}, String(n.mtu)),
    h('td', {}, n.managed ? 'managed' : 'unmanaged'), h('td', {}, String((n.pifs || []).length)), h('td', {}, String((n.vifs || []).length)),
    h('td', { class: 'actions' }, deleteButton('network', n, n.name, `/networks/${n.id}`))));
  return table('Networks in the pool', ['Network', 'Bridge', 'MTU', 'Managed', 'PIFs', 'VIFs', 'Actions'], rows, 'No network yet.');
}

function vlanTable(vlans, networks, pifs) {
  const rows = vlans.map((v) => {
    const name = `VLAN ${v.tag} on ${hostName(v.hostId)}`;
    return h('tr', { 'data-vlan': v.id, 'data-tag': v.tag },
      h('th', { scope: 'row' }, String(v.tag)), h('td', {}, networks.has(v.networkId) ? networks.get(v.networkId).name : ''),
      h('td', {}, hostName(v.hostId)), h('td', {}, pifs.has(v.taggedPif) ? pifs.get(v.taggedPif).device : ''),
      h('td', { class: 'actions' }, deleteButton('vlan', v, name, `/vlans/${v.id}`)));
  });
  return table('VLANs', ['Tag', 'Network', 'Host', 'On interface', 'Actions'], rows, 'No VLAN yet.');
}

function bondTable(bonds, networks, pifs) {
  const rows = bonds.map((b) => h('tr', { 'data-bond': b.id },
    h('th', { scope: 'row' }, networks.has(b.networkId) ? networks.get(b.networkId).name : ''), h('td', {}, hostName(b.hostId)),
    h('td', {}, b.mode), h('td', {}, (b.members || []).map((m) => (pifs.has(m) ? pifs.get(m).device : m)).join(', '))));
  return table('Bonds', ['Network', 'Host', 'Mode', 'Members'], rows, 'No bond yet.');
}

function newNetworkForm() {
  const name = h('input', { id: 'net-name', required: true, maxlength: 255 });
  const mtu = h('input', { id: 'net-mtu', type: 'number', min: 68, max: 9216, value: 1500, required: true });
  return h('form', { class: 'filters', id: 'new-network', 'aria-label': 'New network', onsubmit: (e) => {
    e.preventDefault();
    attempt(() => post('/networks', { name: name.value, mtu: Number(mtu.value) }));
  } }, field('New network name', name), field('MTU', mtu), h('button', { type: 'submit', class: 'primary', id: 'net-create' }, 'Create network'));
}

/** The VLAN form; fill() refreshes its choices from the latest data, keeping what is chosen. */
function newVlanForm() {
  const network = h('select', { id: 'vlan-network', required: true });
  const device = h('select', { id: 'vlan-device', required: true });
  const tag = h('input', { id: 'vlan-tag', type: 'number', min: 0, max: 4094, required: true });
  const form = h('form', { class: 'filters', id: 'new-vlan', 'aria-label': 'New VLAN', onsubmit: (e) => {
    e.preventDefault();
    attempt(() => post('/vlans', { networkId: network.value, device: device.value, tag: Number(tag.value) }));
  } }, field('Network', network), field('On interface (every host that has it)', device), field('Tag', tag),
  h('button', { type: 'submit', class: 'primary', id: 'vlan-create' }, 'Create VLAN'));
  const fill = ({ networks, pifs }) => {
    refill(network, [...networks].sort((a, b) => a.name.localeCompare(b.name)).map((n) => [n.id, n.name]));
    refill(device, [...new Set(pifs.filter((p) => p.physical).map((p) => p.device))].sort().map((d) => [d, d]));
  };
  return { form, fill };
}

function refill(select, options) {
  const chosen = select.value;
  select.replaceChildren(...options.map(([value, text]) => h('option', { value }, text)));
  if (options.some(([value]) => value === chosen)) select.value = chosen;
}
