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

/**
 * Words in the cells of a table (`selector`) that the browser split over two lines: a header
 * that reads "Practition / ers" (issue 12). Each word is measured with a Range, whose client
 * rects are one per line the word sits on.
 */
export function wordsBrokenAcrossLines(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((table) => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll(`${table} th, ${table} td`)) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  }, selector);
}

/** Elements around `selector` that scroll on their own (sideways or down): a box within the page. */
export function nestedScrollBoxes(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((inner) => {
    const boxes: string[] = [];
    const start = document.querySelector(inner);
    for (let element = start; element && element !== document.body; element = element.parentElement) {
      const style = getComputedStyle(element);
      const scrollsX = /auto|scroll/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      const scrollsY = /auto|scroll/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      if (scrollsX || scrollsY) boxes.push(`${element.tagName.toLowerCase()}.${element.className}`);
    }
    return boxes;
  }, selector);
}

/** Text under `selector` drawn smaller than `min` CSS px, as "words… 12.8px" (screen-reader-only text aside). */
export function smallText(page: Page, selector: string, min: number): Promise<string[]> {
  return page.evaluate(
    ([scope, least]) => {
      const small: string[] = [];
      const root = document.querySelector(scope as string);
      if (!root) return small;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = (node.textContent ?? '').trim();
        if (!parent || text === '' || parent.closest('.visually-hidden')) continue;
        const size = Number.parseFloat(getComputedStyle(parent).fontSize);
        if (size < (least as number) - 0.05) small.push(`${text.slice(0, 30)} ${size}px`);
      }
      return small;
    },
    [selector, min] as const,
  );
}
