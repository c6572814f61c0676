// The e2e helpers moved to tests/support/e2e/ (one home for test support). This forwarding
// address keeps `./support/index.ts` working for every e2e file: `export *` so it can never
// fall behind the real index.
export * from '../../support/e2e/index.ts';
