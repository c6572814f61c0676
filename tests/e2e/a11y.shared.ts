// Moved to tests/support/e2e (one home for test support); kept so e2e files that import from here still work.
export { announcement, axeViolations, DESKTOP, PHONE, screenshotForReview } from '../support/e2e/index.ts';
