// Xen Orchestra's XenAPI client (npm xen-api) against Xenplane, driven by XenApiNpmClientIT:
// log in, list VMs, start one through an Async task and wait for it to run, make the errors a
// script meets, shut it down, log out; a second client watches VMs through event.from (its objects
// collection) and sees the power state change. Prints one JSON line of what it saw.
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

// waits until what() is true, checking every 100 ms for 60 s at most
async function until (what, description) {
  for (const deadline = Date.now() + 60000; Date.now() < deadline;) {
    if (what()) return true
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error('still not ' + description + ' after 60 s')
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
const watcher = createClient({ url, auth: { user, password }, watchEvents: ['VM'], allowUnauthorized: true })
await watcher.connect()
await watcher.objectsFetched
const watched = () => watcher.getObjectByRef(ref, undefined)?.power_state
seen.watched = [watched()]
seen.startTask = await finished(await xapi.call('Async.VM.start', ref, false, false))
seen.states.push(await xapi.call('VM.get_power_state', ref))
await until(() => watched() === 'Running', 'Running in the watching client')
seen.watched.push(watched())
seen.watchError = watcher.watchEventsError?.code ?? null
seen.startTwice = await errorCode(xapi.call('VM.start', ref, false, false))
seen.badRef = await errorCode(xapi.call('VM.get_record', 'OpaqueRef:00000000-0000-4000-8000-000000000000'))
await xapi.call('VM.clean_shutdown', ref)
seen.states.push(await xapi.call('VM.get_power_state', ref))
await until(() => watched() === 'Halted', 'Halted again in the watching client')
seen.watched.push(watched())
await watcher.disconnect()
await xapi.disconnect()
console.log(JSON.stringify(seen))
