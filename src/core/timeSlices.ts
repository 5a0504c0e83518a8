// Long jobs (the first index of the notes, the pass over their bodies, one large note's search
// tokens) work in slices of a few milliseconds and let requests, and their answers, in between, so
// that no request waits behind a whole job.

/** How long a job works before it lets other work in. */
const SLICE_MS = 15;

/** Where a job may pause: undefined to go on, or a promise to wait for first. */
export interface Pauses {
  pause(): Promise<void> | undefined;
}

/** The clock of one job's slices: it says when the current slice is over. */
export class TimeSlices implements Pauses {
  private sliceStart = performance.now();

  /** Undefined while the slice lasts; once it is over, a promise of the next turn (which starts a new slice). */
  pause(): Promise<void> | undefined {
    if (performance.now() - this.sliceStart <= SLICE_MS) return undefined;
    return nextTurn().then(() => {
      this.sliceStart = performance.now();
    });
  }
}

/** Resolves on a later turn of the event loop, after pending I/O (answers waiting to be sent). */
export function nextTurn(): Promise<void> {
  // Node's setImmediate runs right after I/O, without the timer's minimum delay.
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}
