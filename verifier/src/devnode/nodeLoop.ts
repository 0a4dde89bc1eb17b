/**
 * @module
 * The dev node's loop: one step at a time (read new inputs, have the claims computed in an
 * earlier step accepted, compute the claims of the epochs that closed), then a pause of the
 * polling interval, until stopped. A step that fails is remembered and the loop goes on (the
 * next step may succeed); whoever waits on the node asks for the failure. Waiters are woken by
 * the end of a step, never by a timer.
 */

export type NodeLoop = {
  /** Resolves at the end of the step in progress or the next one (at once when the loop has stopped). */
  nextStep(): Promise<void>
  /** The last step's failure, if one failed. */
  failure(): unknown
  /** Whether the loop has been told to stop. */
  stopped(): boolean
  /** Stops after the step in progress. */
  stop(): Promise<void>
}

/** Parameters of {@link startNodeLoop}. */
export type StartNodeLoopParameters = {
  step: () => Promise<void>
  /** The pause between steps, in ms. */
  pollingInterval: number
  /** Told of a step's failure, once until a step fails differently. */
  onFailure?: ((error: unknown) => void) | undefined
}

export function startNodeLoop(parameters: StartNodeLoopParameters): NodeLoop {
  const { step, pollingInterval } = parameters
  let running = true
  let failure: unknown
  let waiters: (() => void)[] = []
  let wake = () => {}
  const wakeWaiters = () => {
    const woken = waiters
    waiters = []
    for (const resolve of woken) resolve()
  }

  const loop = (async () => {
    while (running) {
      try {
        await step()
      } catch (error) {
        if (running) {
          if (describe(error) !== describe(failure)) parameters.onFailure?.(error)
          failure = error
        }
      }
      wakeWaiters()
      if (!running) break
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollingInterval)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      wake = () => {}
    }
    wakeWaiters()
  })()

  return {
    nextStep() {
      return running ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()
    },
    failure: () => failure,
    stopped: () => !running,
    async stop() {
      running = false
      wake()
      await loop
    },
  }
}

const describe = (error: unknown) => (error === undefined ? '' : error instanceof Error ? `${error.name}: ${error.message}` : String(error))
