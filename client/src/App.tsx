import { BoardPage } from './board/BoardPage.tsx';
import { useT } from './i18n/useT.ts';
import { StartPage } from './pages/StartPage.tsx';
import { usePathname } from './router/navigation.ts';
import { routeFromPath } from './router/route.ts';

export function App() {
  const t = useT();
  const route = routeFromPath(usePathname());
  if (route.page === 'start') return <StartPage />;
  if (route.page === 'board') return <BoardPage key={route.boardId} boardId={route.boardId} />;
  return (
    <main className="start-page">
      <h1>{t.t('notFound.title')}</h1>
      <p>
        {t.t('notFound.body')} <a href="/">{t.t('notFound.link')}</a>.
      </p>
    </main>
  );
}
