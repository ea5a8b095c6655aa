/**
 * Reusable scratch buffers for hot loops. On the hosts the workbench runs
 * on, writing memory the process has not used yet costs about as much as
 * the arithmetic of a whole stage, so transient arrays that are rebuilt for
 * every lap are better taken from one buffer that is kept.
 *
 * @module
 */

/**
 * Gives a `Float64Array` of `n` values whose contents are undefined
 * (whatever the previous user left). It is a view of one buffer kept by
 * the provider and grown when too short, so it must be used only until the
 * next call to the same provider and never kept, returned or stored.
 */
export type ScratchProvider = (n: number) => Float64Array;

/** A provider of one reusable scratch buffer; make one per distinct use that can be live at once. */
export function createScratch(): ScratchProvider {
  let buffer = new Float64Array(0);
  return (n) => {
    if (buffer.length < n) buffer = new Float64Array(Math.max(n, Math.ceil(buffer.length * 1.5)));
    return buffer.subarray(0, n);
  };
}
