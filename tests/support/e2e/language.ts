import type { BrowserContext, Page } from 'playwright-core';

/** Chooses a language in the picker on screen (start page, join page or the settings dialog). */
export async function chooseLanguage(page: Page, languageName: string, scope = page.locator('body')): Promise<void> {
  await scope.locator('.language-picker select, .settings-dialog__language select').first().selectOption({ label: languageName });
}

/** Starts every page of this device in `locale` (e.g. a pseudo-locale a person cannot pick). */
export async function presetLocale(context: BrowserContext, locale: string): Promise<void> {
  await context.addInitScript((value) => localStorage.setItem('costudio.locale', JSON.stringify(value)), locale);
}

/**
 * Every word on screen a person can see or hear: the page's text (visually hidden text too) and
 * the accessible names and hints in attributes, of everything not hidden; and the tab title.
 */
export function wordsOnScreen(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription'];
    const shown = [...document.querySelectorAll<HTMLElement>('body *')].filter(
      (element) => !element.closest('[hidden], dialog:not([open]), [aria-hidden="true"]') && element.getClientRects().length > 0,
    );
    const named = shown.flatMap((element) => attributes.map((name) => element.getAttribute(name) ?? ''));
    // biome-ignore lint/performance/useDomNodeTextContent: only the rendered text counts (not closed dialogs or templates)
    return [document.title, document.body.innerText, ...named].join('\n');
  });
}

/** The words of `list` found as whole words in `text`. */
export function wordsFrom(list: readonly string[], text: string): string[] {
  return list.filter((word) => new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u').test(text));
}

/**
 * What does not fit: the page scrolling sideways, an element sticking out of the viewport, or
 * text cut off inside a box that hides its overflow. One line per problem, naming the element.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) {
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    }
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} “${(element.textContent ?? '').trim().slice(0, 40)}”`;
    const selector = 'h1, h2, h3, p, label, legend, button, a, select, li, th, td, span';
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (element.closest('dialog:not([open]), .visually-hidden, canvas, .board-canvas__surface')) continue;
      // The board's title is made to shorten with an ellipsis when the header row is full (styles.css).
      if (element.matches('.board-header__title')) continue;
      if (element.getClientRects().length === 0) continue;
      const box = element.getBoundingClientRect();
      // Words kept for screen readers only (a 1 × 1 px clipped box, as .visually-hidden is).
      if (box.width <= 1 && box.height <= 1) continue;
      if (box.right > width + 1 || box.left < -1) problems.push(`outside the viewport: ${describe(element)}`);
      const style = getComputedStyle(element);
      const hides = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
      if (hides && element.scrollWidth > element.clientWidth + 1) problems.push(`text cut off: ${describe(element)}`);
    }
    return problems;
  });
}
