export { announcement, axeViolations } from './accessibility.ts';
export type { Camera, ScreenRect } from './boardDoc.ts';
export { canvasCamera, drawnNoteIds, noteField, noteIds, noteScreenRect, noteTexts } from './boardDoc.ts';
export type { JoinRole } from './boardPage.ts';
export {
  addNote,
  canvasTool,
  createBoardOnStartPage,
  fillJoinForm,
  fillNewNote,
  headerControl,
  joinBoardPage,
  laneAddButton,
  laneListNote,
  submitJoinForm,
  waitForSaved,
  waitForStatus,
} from './boardPage.ts';
export type { CreatedBoard } from './boards.ts';
export { createBoard } from './boards.ts';
export type { ContextOptions } from './browser.ts';
export { CHROMIUM_ARGS, CHROMIUM_PATH, DESKTOP, launchBrowser, newContext, PHONE } from './browser.ts';
export type { DebugHook } from './debugHook.ts';
export type { E2eEnvironment } from './environment.ts';
export { useE2eEnvironment } from './environment.ts';
export { isFocused, joinWithKeyboard, keyboardUserAndListWatcher, tabTo } from './keyboard.ts';
export { chooseLanguage, layoutProblems, presetLocale, wordsFrom, wordsOnScreen } from './language.ts';
export type { CollectOptions, PageProblems } from './pageErrors.ts';
export { collectPageProblems } from './pageErrors.ts';
export type { Participant, ParticipantOptions } from './participants.ts';
export { joinAs, openParticipant, startBoardAs } from './participants.ts';
export type { ScreenshotOptions } from './screenshots.ts';
export { SCREENSHOT_DIR, screenshot, screenshotForReview } from './screenshots.ts';
export { holdLocalCopy } from './slowDevice.ts';
export type { TestServer, TestServerOptions } from './testServer.ts';
export { CLIENT_DIST_DIR, startTestServer } from './testServer.ts';
export type { WaitForOptions } from './waitFor.ts';
export { waitFor } from './waitFor.ts';
