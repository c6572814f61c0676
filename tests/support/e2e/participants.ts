import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createBoardOnStartPage, fillJoinForm, type JoinRole } from './boardPage.ts';
import { type ContextOptions, newContext } from './browser.ts';
import { collectPageProblems, type PageProblems } from './pageErrors.ts';

/** One person on their own device: a fresh browser profile, its page, and the page's problems. */
export interface Participant {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Collected from before the first navigation, so load-time errors count too. */
  readonly problems: PageProblems;
}

export interface ParticipantOptions extends ContextOptions {
  /** Console errors that are expected on this page (see collectPageProblems). */
  ignore?: readonly RegExp[];
}

/** A new person on a new device, not yet on any page. */
export async function openParticipant(browser: Browser, options: ParticipantOptions = {}): Promise<Participant> {
  const { ignore, ...contextOptions } = options;
  const context = await newContext(browser, contextOptions);
  const page = await context.newPage();
  const problems = collectPageProblems(page, ignore ? { ignore } : {});
  return { context, page, problems };
}

/** A new person on a new device who opens the board and joins it with a name and role. */
export async function joinAs(
  browser: Browser,
  boardUrl: string,
  name: string,
  role: JoinRole = 'lay',
  options: ParticipantOptions = {},
): Promise<Participant> {
  const participant = await openParticipant(browser, options);
  await participant.page.goto(boardUrl);
  await fillJoinForm(participant.page, name, role);
  return participant;
}

/**
 * A facilitator on a new device: makes a board called `title` on the start page (so holds its
 * facilitator link) and joins it with a name and role. Others join at `page.url()`.
 */
export async function startBoardAs(
  browser: Browser,
  serverUrl: string,
  title: string,
  name: string,
  role: JoinRole = 'practitioner',
  options: ParticipantOptions = {},
): Promise<Participant> {
  const facilitator = await openParticipant(browser, options);
  await createBoardOnStartPage(facilitator.page, serverUrl, title);
  await fillJoinForm(facilitator.page, name, role);
  return facilitator;
}
