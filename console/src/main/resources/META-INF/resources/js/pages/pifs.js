// A table of PIFs (a host's network interfaces) with their IP configuration; the host page and
// the networks page show it.

import { h } from '../render.js';
import { table } from './common.js';

export function pifTable(pifs, caption, networks = new Map()) {
  const rows = [...pifs].sort((a, b) => a.device.localeCompare(b.device)).map((pif) => h('tr', { 'data-pif': pif.id },
    h('th', { scope: 'row' }, pif.device + (pif.vlanTag >= 0 ? `.${pif.vlanTag}` : '')),
    h('td', {}, networks.has(pif.networkId) ? networks.get(pif.networkId).name : (pif.networkId || '').slice(0, 8)),
    h('td', {}, pif.mac || ''),
    h('td', {}, String(pif.mtu)),
    h('td', {}, kind(pif)),
    h('td', {}, address(pif)),
    h('td', {}, pif.currentlyAttached ? 'attached' : 'detached')));
  return table(caption, ['Device', 'Network', 'MAC', 'MTU', 'Kind', 'IP configuration', 'Attached'], rows, 'No network interface.');
}

function kind(pif) {
  const parts = [pif.physical ? 'physical' : 'virtual'];
  if (pif.management) parts.push('management');
  if (pif.vlanTag >= 0) parts.push(`VLAN ${pif.vlanTag}`);
  if (pif.bondMasterOf) parts.push('bond');
  if (pif.bondSlaveOf) parts.push('bond member');
  return parts.join(', ');
}

/** "static 10.0.0.5/255.255.255.0 via 10.0.0.1", "dhcp 10.0.0.7", "none". */
function address(pif) {
  const mode = (pif.ipConfigurationMode || 'none').toLowerCase();
  if (mode === 'none') return 'none';
  const ip = pif.ip ? ` ${pif.ip}${pif.netmask ? `/${pif.netmask}` : ''}` : '';
  return `${mode}${ip}${pif.gateway ? ` via ${pif.gateway}` : ''}`;
}
