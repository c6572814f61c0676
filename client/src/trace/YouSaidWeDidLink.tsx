import { useT } from '../i18n/useT.ts';
import { youSaidWeDidHref } from './youSaidWeDidLink.ts';

/** A plain link to the "You said, we did" page, to read, print or send to participants. */
export function YouSaidWeDidLink() {
  const t = useT();
  return (
    <section className="you-said-we-did-link" aria-labelledby="you-said-we-did-link-heading">
      <h3 id="you-said-we-did-link-heading">{t.t('yswd.link.title')}</h3>
      <p>{t.t('yswd.link.body')}</p>
      <a href={youSaidWeDidHref()} target="_blank" rel="noopener">
        {t.t('yswd.link.open')}
      </a>
    </section>
  );
}
