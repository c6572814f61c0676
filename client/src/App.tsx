import { BoardPage } from './board/BoardPage.tsx';
import { StartPage } from './pages/StartPage.tsx';
import { usePathname } from './router/navigation.ts';
import { routeFromPath } from './router/route.ts';

export function App() {
  const route = routeFromPath(usePathname());
  if (route.page === 'start') return <StartPage />;
  if (route.page === 'board') return <BoardPage key={route.boardId} boardId={route.boardId} />;
  return (
    <main className="start-page">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <a href="/">Go to the start page</a>.
      </p>
    </main>
  );
}
