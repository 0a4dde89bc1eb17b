/**
 * @module
 * The service's workers and the queue in front of them. Each worker runs one request at a
 * time; a request waits in a bounded queue for a free one, and past the bound it is shed
 * (503 with `Retry-After`). Every request has a deadline: one still waiting then is dropped,
 * one still running has its worker stopped (the only way to stop JavaScript that computes)
 * and replaced. Heavy requests (large bodies, or many JSON nodes) form a lane of their own
 * that may hold at most `workers - 1` workers at once, so light requests always find one.
 */
import type { Worker } from 'node:worker_threads'
import { VcApiClientGoneError, VcApiRequestError, VcApiWorkerError } from './errors.js'
import { internalAnswer, serializeError, type VcApiJob, type VcApiJobAnswer } from './jobAnswers.js'
import type { FromWorker, RemoteCall, ToWorker } from './workerMessages.js'

export type WorkerPoolOptions = {
  /** Worker threads; 0 runs jobs on the main thread through `runInline`, one at a time. */
  workers: number
  /** Jobs that may wait, all lanes together. */
  maxQueue: number
  /** Heavy jobs that may wait. */
  maxHeavyQueue: number
  /** Heavy jobs that may run at once. */
  maxHeavyRunning: number
  /** Starts one worker thread. */
  createWorker: () => Worker
  /** Runs a job on the main thread (workers: 0); loaded when the pool starts. */
  loadInline: () => Promise<(job: VcApiJob) => Promise<VcApiJobAnswer>>
  /** Answers a worker's call to the caller's own resolver or status checker. */
  onCall: (call: RemoteCall) => Promise<unknown>
  /** A worker that failed with no request to blame it on (it would not start again, say). */
  onFailure: (error: VcApiWorkerError) => void
}

/** How one job is submitted. */
export type SubmitOptions = {
  /** Whether it goes into the heavy lane. */
  heavy: boolean
  /** Milliseconds until its deadline. */
  deadlineMs: number
  /** Deadline message's seconds, for people. */
  deadlineSeconds: number
  /** Aborted when the client goes away: a waiting job is then dropped. */
  signal: AbortSignal
}

type Task = {
  /** The job's id in its worker's messages. */
  id?: number | undefined
  job: VcApiJob
  heavy: boolean
  resolve: (answer: VcApiJobAnswer) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout
  release: () => void
  slot?: Slot | undefined
  startedAt?: number | undefined
}

type Slot = {
  state: 'starting' | 'idle' | 'busy' | 'closed'
  worker?: Worker | undefined
  current?: Task | undefined
  /** Failed starts in a row: the next one waits longer. */
  failures: number
}

/** The pool as the handler uses it. */
export type WorkerPool = {
  /** Starts every worker; resolves once each is ready, rejects if one cannot start. */
  start(): Promise<void>
  /** Whether a job of this lane would be taken now (run or queued): checked before reading a body. */
  accepts(heavy: boolean): boolean
  /** The 503 to answer when it would not. */
  busyError(): VcApiRequestError
  /** Runs a job: its answer, or a 503 (busy, deadline), a client-gone, or a worker failure. */
  submit(job: VcApiJob, options: SubmitOptions): Promise<VcApiJobAnswer>
  /** Stops every worker; waiting and running jobs are answered 503. */
  close(): Promise<void>
}

export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const { maxQueue, maxHeavyQueue, maxHeavyRunning } = options
  const inline = options.workers === 0
  const slots: Slot[] = Array.from({ length: Math.max(1, options.workers) }, () => ({ state: 'starting', failures: 0 }))
  const queue: Task[] = []
  let runInline: ((job: VcApiJob) => Promise<VcApiJobAnswer>) | undefined
  let started: Promise<void> | undefined
  let closed = false
  let runningHeavy = 0
  let lastJobId = 0
  /** Moving average of a job's milliseconds on a worker, for Retry-After. */
  let averageMs = 100
  /** While the pool starts: each slot's first start, awaited by start(). */
  const readiness = new Map<Slot, { resolve: () => void; reject: (error: Error) => void }>()

  const queuedHeavy = () => queue.reduce((count, task) => count + (task.heavy ? 1 : 0), 0)
  const idleSlots = () => slots.filter((slot) => slot.state === 'idle').length

  function accepts(heavy: boolean): boolean {
    if (closed) return false
    const runsNow = idleSlots() > 0 && (!heavy || runningHeavy < maxHeavyRunning)
    if (runsNow) return true
    return queue.length < maxQueue && (!heavy || queuedHeavy() < maxHeavyQueue)
  }

  function retryAfterSeconds(): number {
    const waitMs = ((queue.length + 1) * averageMs) / slots.length
    return Math.min(60, Math.max(1, Math.ceil(waitMs / 1000)))
  }

  function busyError(): VcApiRequestError {
    return new VcApiRequestError({ reason: 'busy', stopping: closed, retryAfterSeconds: retryAfterSeconds() })
  }

  /** The next task a free worker should take: the oldest, unless it is heavy and its lane is full. */
  function takeNext(): Task | undefined {
    const index = queue.findIndex((task) => !task.heavy || runningHeavy < maxHeavyRunning)
    return index === -1 ? undefined : queue.splice(index, 1)[0]
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.state !== 'idle') continue
      const task = takeNext()
      if (!task) return
      run(slot, task)
    }
  }

  function run(slot: Slot, task: Task): void {
    slot.state = 'busy'
    slot.current = task
    task.slot = slot
    task.startedAt = performance.now()
    if (task.heavy) runningHeavy++
    if (inline) {
      const settle = (answer: VcApiJobAnswer) => {
        // The inline work cannot be stopped: its slot is free only once it is done.
        if (slot.current === task) finish(slot, task, answer)
        else if (slot.state === 'busy') free(slot)
      }
      void runInline!(task.job).then(settle, (error: unknown) => settle(internalAnswer(error)))
      return
    }
    const id = ++lastJobId
    task.id = id
    const message: ToWorker = { type: 'job', id, job: task.job }
    slot.worker!.postMessage(message, [task.job.body.buffer as ArrayBuffer])
  }

  /** Ends a task: its timer, its lane count, its slot. */
  function detach(task: Task): void {
    clearTimeout(task.timer)
    task.release()
    if (task.slot) {
      if (task.heavy) runningHeavy--
      task.slot.current = undefined
      task.slot = undefined
    }
  }

  function free(slot: Slot): void {
    slot.state = closed ? 'closed' : 'idle'
    dispatch()
  }

  function finish(slot: Slot, task: Task, answer: VcApiJobAnswer): void {
    averageMs = averageMs * 0.9 + (performance.now() - task.startedAt!) * 0.1
    detach(task)
    task.resolve(answer)
    free(slot)
  }

  function spawn(slot: Slot): void {
    if (closed) return
    slot.state = 'starting'
    if (inline) {
      slot.state = 'idle'
      return
    }
    let worker: Worker
    try {
      worker = options.createWorker()
    } catch (error) {
      return failedStart(slot, new VcApiWorkerError({ reason: 'createFailed', error }))
    }
    slot.worker = worker
    let ready = false
    let lastError: unknown
    // The deadline timer of a running job keeps the process alive; an idle worker does not.
    worker.unref()
    worker.on('message', (message: FromWorker) => {
      if (slot.worker !== worker) return
      if (message.type === 'ready') {
        ready = true
        slot.failures = 0
        free(slot)
        readiness.get(slot)?.resolve()
      } else if (message.type === 'answer') {
        const task = slot.current
        if (task && task.id === message.id) finish(slot, task, message.answer)
      } else {
        const { id, type: _type, ...call } = message
        options.onCall(call as RemoteCall).then(
          (value) => reply(worker, { type: 'called', id, ok: true, value }),
          (error: unknown) => reply(worker, { type: 'called', id, ok: false, error: serializeError(error) }),
        )
      }
    })
    worker.on('error', (error) => {
      lastError = error
    })
    worker.on('exit', (exitCode) => {
      if (slot.worker !== worker) return
      slot.worker = undefined
      if (!ready) return failedStart(slot, new VcApiWorkerError({ reason: 'stoppedStarting', exitCode, error: lastError }))
      const failure = new VcApiWorkerError({ reason: 'stopped', exitCode, error: lastError })
      const task = slot.current
      if (task) {
        detach(task)
        task.reject(failure)
      } else if (!closed) options.onFailure(failure)
      spawn(slot)
    })
  }

  function reply(worker: Worker, message: ToWorker): void {
    try {
      worker.postMessage(message)
    } catch (error) {
      // An answer that cannot be cloned (a resolver returning functions) is an error answer.
      if (message.type === 'called' && message.ok) worker.postMessage({ type: 'called', id: message.id, ok: false, error: serializeError(error) } satisfies ToWorker)
    }
  }

  function failedStart(slot: Slot, failure: VcApiWorkerError): void {
    const waiting = readiness.get(slot)
    if (waiting) return waiting.reject(failure)
    if (closed) return
    options.onFailure(failure)
    // Keep trying, less and less often: a worker that cannot start now may later (memory).
    slot.failures++
    slot.state = 'starting'
    setTimeout(() => spawn(slot), Math.min(30_000, 250 * 2 ** slot.failures)).unref()
  }

  /** Stops a running task's worker (past its deadline) and starts another in its place. */
  function stopWorkerOf(slot: Slot): void {
    const worker = slot.worker
    slot.worker = undefined
    slot.state = 'starting'
    void worker?.terminate()
    spawn(slot)
  }

  function start(): Promise<void> {
    started ??= (async () => {
      if (inline) {
        runInline = await options.loadInline()
        for (const slot of slots) spawn(slot)
        return
      }
      const ready = slots.map(
        (slot) =>
          new Promise<void>((resolve, reject) => {
            readiness.set(slot, { resolve, reject })
          }),
      )
      for (const slot of slots) spawn(slot)
      try {
        await Promise.all(ready)
      } catch (error) {
        await close()
        throw error
      } finally {
        readiness.clear()
      }
    })()
    return started
  }

  async function submit(job: VcApiJob, submitOptions: SubmitOptions): Promise<VcApiJobAnswer> {
    await start()
    const { heavy, deadlineMs, deadlineSeconds, signal } = submitOptions
    if (signal.aborted) throw new VcApiClientGoneError()
    if (!accepts(heavy)) throw busyError()
    return new Promise<VcApiJobAnswer>((resolve, reject) => {
      const onAbort = () => {
        // A waiting job is dropped; a running one finishes (stopping it costs a new worker).
        const index = queue.indexOf(task)
        if (index === -1) return
        queue.splice(index, 1)
        detach(task)
        reject(new VcApiClientGoneError())
      }
      const onDeadline = () => {
        const error = new VcApiRequestError({ reason: 'deadlineExceeded', deadlineSeconds, retryAfterSeconds: retryAfterSeconds() })
        const index = queue.indexOf(task)
        if (index !== -1) queue.splice(index, 1)
        const slot = task.slot
        detach(task)
        reject(error)
        if (slot && !inline) stopWorkerOf(slot)
      }
      const task: Task = {
        job,
        heavy,
        resolve,
        reject,
        timer: setTimeout(onDeadline, deadlineMs),
        release: () => signal.removeEventListener('abort', onAbort),
      }
      signal.addEventListener('abort', onAbort, { once: true })
      queue.push(task)
      dispatch()
    })
  }

  async function close(): Promise<void> {
    if (closed) return
    closed = true
    const stopping = busyError()
    for (const task of queue.splice(0)) {
      detach(task)
      task.reject(stopping)
    }
    const workers: Worker[] = []
    for (const slot of slots) {
      const task = slot.current
      if (task) {
        detach(task)
        task.reject(stopping)
      }
      if (slot.worker) workers.push(slot.worker)
      slot.worker = undefined
      slot.state = 'closed'
    }
    for (const waiting of readiness.values()) waiting.reject(new VcApiWorkerError({ reason: 'closedStarting' }))
    await Promise.all(workers.map((worker) => worker.terminate()))
  }

  return { start, accepts, busyError, submit, close }
}
