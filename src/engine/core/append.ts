/**
 * `target.push(...items)` without the spread: a spread passes every item as an argument, and an engine has a
 * ceiling on those (about 120,000 in Node with its default stack, fewer with a smaller stack or in other
 * browsers' engines), past which the call throws "Maximum call stack size exceeded". Findings and objectives
 * grow with the user's rows, so a large sheet within the reader's caps must not reach that ceiling.
 */
export function append<T>(target: T[], ...lists: readonly (readonly T[])[]): void {
  for (const items of lists) for (let i = 0; i < items.length; i++) target.push(items[i]);
}
