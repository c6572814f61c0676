import type { Page } from 'playwright-core';
import type { DebugHook } from './debugHook.ts';

// What a person sees of the board page's layout, measured in the page (issue 12).

declare const window: { __costudio: DebugHook };

/** The share of the viewport the board (main.board-main) covers. */
export function boardShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('main.board-main');
    if (!main) return 0;
    const box = main.getBoundingClientRect();
    const width = Math.max(0, Math.min(box.right, innerWidth) - Math.max(box.left, 0));
    const height = Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, 0));
    return (width * height) / (innerWidth * innerHeight);
  });
}

/** Note body text in CSS px as drawn now: the canvas's note font (board units) times the zoom. */
export function noteTextPx(page: Page): Promise<number> {
  return page.evaluate(() => window.__costudio.noteFontSize * window.__costudio.camera.get().scale);
}

/** The board x-range in view on the canvas. */
export function visibleBoardX(page: Page): Promise<{ left: number; right: number }> {
  return page.evaluate(() => {
    const { x, scale } = window.__costudio.camera.get();
    const { width } = window.__costudio.camera.getViewport();
    return { left: -x / scale, right: (width - x) / scale };
  });
}

/**
 * Controls in the header, toolbar and panels smaller than `min` CSS px either way. A checkbox or
 * radio button counts by its label, which takes the click too.
 */
export function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((least) => {
    const scope = '.board-header, .canvas-toolbar, .lane-list__tools, .side-sheet, .board-aside, .skip-link';
    const controls = [...document.querySelectorAll<HTMLElement>('button, a[href], select, input')].filter(
      (el) => el.closest(scope) && el.getClientRects().length > 0 && !el.closest('dialog:not([open])'),
    );
    return controls.flatMap((el) => {
      const target = el.matches('input[type="checkbox"], input[type="radio"]') ? (el.closest('label') ?? el) : el;
      const box = target.getBoundingClientRect();
      const name = (target.textContent || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 30);
      return box.width < least - 0.5 || box.height < least - 0.5
        ? [`${name} ${Math.round(box.width)}×${Math.round(box.height)}`]
        : [];
    });
  }, min);
}

/**
 * How many rows the board header's controls take on screen: controls folded away (display:
 * none) or visually hidden (absolutely placed) do not count; a "display: contents" wrapper's
 * children count as the header's own.
 */
export function headerRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const header = document.querySelector('.board-header');
    if (!header) return 0;
    const boxes: DOMRect[] = [];
    const collect = (parent: Element) => {
      for (const child of parent.children) {
        const style = getComputedStyle(child);
        if (style.display === 'contents') collect(child);
        else if (style.position !== 'absolute' && style.position !== 'fixed' && child.getClientRects().length > 0)
          boxes.push(child.getBoundingClientRect());
      }
    };
    collect(header);
    boxes.sort((a, b) => a.top - b.top);
    let rows = 0;
    let rowBottom = Number.NEGATIVE_INFINITY;
    for (const box of boxes) {
      if (box.top >= rowBottom - 2) {
        rows += 1;
        rowBottom = box.bottom;
      } else rowBottom = Math.max(rowBottom, box.bottom);
    }
    return rows;
  });
}

/** Header controls whose right edge is past the viewport's: cut off on a phone. */
export function headerOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.board-header button, .board-header a[href], .board-header h1')]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > innerWidth + 0.5)
      .map((el) => (el.textContent ?? '').trim().slice(0, 30)),
  );
}
