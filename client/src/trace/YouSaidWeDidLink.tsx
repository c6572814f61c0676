import { youSaidWeDidHref } from './youSaidWeDidLink.ts';

/** A plain link to the "You said, we did" page, to read, print or send to participants. */
export function YouSaidWeDidLink() {
  return (
    <section className="you-said-we-did-link" aria-labelledby="you-said-we-did-link-heading">
      <h3 id="you-said-we-did-link-heading">You said, we did</h3>
      <p>What lay participants said, and what came of each: to print, or to send to them between meetings.</p>
      <a href={youSaidWeDidHref()} target="_blank" rel="noopener">
        Open “You said, we did” (opens in a new tab)
      </a>
    </section>
  );
}
