import type { CostudioDebugHook } from '../../../client/src/debug/debugHook.ts';

/**
 * `window.__costudio` (client/src/debug/debugHook.ts) as a test reads it inside `page.evaluate`
 * once the board is on screen: every part set. A test file types the page's window with it:
 * `declare const window: { __costudio: DebugHook };`
 */
export type DebugHook = { [Part in keyof CostudioDebugHook]-?: NonNullable<CostudioDebugHook[Part]> };
