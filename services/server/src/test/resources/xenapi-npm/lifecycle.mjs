// Xen Orchestra's XenAPI client (npm xen-api) against Xenplane, driven by XenApiNpmClientIT:
// log in, list VMs, start one through an Async task and wait for it to run, make the errors a
// script meets, shut it down, log out. Prints one JSON line of what it saw.
import { createClient } from 'xen-api'

const [url, user, password, vmUuid] = process.argv.slice(2)
const xapi = createClient({ url, auth: { user, password }, watchEvents: false, allowUnauthorized: true })

// waits for a task to leave "pending": the client's own way, polling task.get_status
async function finished (task) {
  for (const deadline = Date.now() + 60000; Date.now() < deadline;) {
    const status = await xapi.call('task.get_status', task)
    if (status !== 'pending') return status
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  throw new Error('task ' + task + ' still pending after 60 s')
}

async function errorCode (promise) {
  try {
    await promise
    return null
  } catch (error) {
    return error.code
  }
}

await xapi.connect()
const seen = { pool: xapi.pool.$ref, states: [] }
const vms = await xapi.call('VM.get_all_records')
seen.vms = Object.keys(vms).length
const ref = Object.keys(vms).find(r => vms[r].uuid === vmUuid)
seen.states.push(vms[ref].power_state)
seen.startTask = await finished(await xapi.call('Async.VM.start', ref, false, false))
seen.states.push(await xapi.call('VM.get_power_state', ref))
seen.startTwice = await errorCode(xapi.call('VM.start', ref, false, false))
seen.badRef = await errorCode(xapi.call('VM.get_record', 'OpaqueRef:00000000-0000-4000-8000-000000000000'))
await xapi.call('VM.clean_shutdown', ref)
seen.states.push(await xapi.call('VM.get_power_state', ref))
await xapi.disconnect()
console.log(JSON.stringify(seen))
