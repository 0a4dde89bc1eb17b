/**
 * @module
 * A worker thread of the VC-API service: builds its job context from `workerData` once, then
 * runs one job per `job` message and posts its answer. The caller's own DID resolver and
 * status checker, if any, stay on the main thread and are asked by message.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { DidDocument } from '../did/types.js'
import type { CredentialStatusValue } from '../verify/types.js'
import { internalAnswer } from './jobAnswers.js'
import { runVcApiJob } from './runVcApiJob.js'
import { createVcApiJobContext, type VcApiSetup } from './vcApiJobContext.js'
import { type FromWorker, type RemoteCall, reviveError, type ToWorker } from './workerMessages.js'

const port = parentPort
if (!port) throw new Error('vcApiWorker runs in a worker thread only')
const setup = workerData as VcApiSetup
const send = (message: FromWorker) => port.postMessage(message)

let lastCall = 0
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
function ask(call: RemoteCall): Promise<unknown> {
  const id = ++lastCall
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject })
    send({ type: 'call', id, ...call })
  })
}

const context = createVcApiJobContext(setup, {
  didResolver: setup.remote.didResolver ? { resolveDid: async (did) => (await ask({ target: 'resolveDid', args: [did] })) as DidDocument } : undefined,
  statusChecker: setup.remote.statusChecker ? async (parameters) => (await ask({ target: 'checkStatus', args: [parameters] })) as CredentialStatusValue : undefined,
})

port.on('message', (message: ToWorker) => {
  if (message.type === 'job') {
    void runVcApiJob(message.job, context).then(
      (answer) => send({ type: 'answer', id: message.id, answer }),
      // runVcApiJob does not throw; should it, the request still gets its 500.
      (error: unknown) => send({ type: 'answer', id: message.id, answer: internalAnswer(error) }),
    )
    return
  }
  const call = pending.get(message.id)
  if (!call) return
  pending.delete(message.id)
  if (message.ok) call.resolve(message.value)
  else call.reject(reviveError(message.error))
})

send({ type: 'ready' })
