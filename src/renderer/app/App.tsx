import { useEffect } from 'react';
import { Link, Route, Router, Switch, useLocation, useRoute } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { AlignmentScreen } from '../screens/alignment/AlignmentScreen';
import { CompareScreen } from '../screens/compare/CompareScreen';
import { GlossaryScreen } from '../screens/glossary/GlossaryScreen';
import { LibraryScreen } from '../screens/library/LibraryScreen';
import { MemoryScreen } from '../screens/memory/MemoryScreen';
import { ModelsScreen } from '../screens/models/ModelsScreen';
import { ReaderScreen } from '../screens/reader/ReaderScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { TeamIndicator } from '../team/TeamIndicator';
import { useThemeSetting } from './theme';
import { useWorkbench } from '../workbench/workbench-context';

function NavLink({ href, label, matches }: { href: string; label: string; matches: string }) {
  const [active] = useRoute(matches);
  return (
    <Link href={href} className="nav-link" aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
}

/** Ctrl/Cmd+K from anywhere, the library included: the library with its search field focused and selected. */
function LibrarySearchShortcut() {
  const [, navigate] = useLocation();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'k') return;
      event.preventDefault();
      navigate('/');
      const focus = (attempts: number) => {
        const field = document.querySelector<HTMLInputElement>('input[type=search][aria-label="Search the library"]');
        if (field) {
          field.focus();
          field.select();
        } else if (attempts > 0) requestAnimationFrame(() => focus(attempts - 1));
      };
      focus(30);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
  return null;
}

export function App() {
  const { db } = useWorkbench();
  useThemeSetting(db);
  return (
    <Router hook={useHashLocation}>
      <LibrarySearchShortcut />
      <div className="workbench">
        <nav className="sidebar" aria-label="Targum">
          <div className="brand" aria-label="Targum">
            <span className="brand-mark" aria-hidden="true">
              ת
            </span>
            <span>Targum</span>
          </div>
          <NavLink href="/" label="Library" matches="/" />
          <NavLink href="/glossary" label="Glossary" matches="/glossary" />
          <NavLink href="/memory" label="Memory" matches="/memory" />
          <NavLink href="/models" label="Models" matches="/models" />
          <NavLink href="/compare" label="Compare" matches="/compare" />
          <NavLink href="/settings" label="Settings" matches="/settings" />
          <TeamIndicator />
        </nav>
        <div className="screen">
          <Switch>
            <Route path="/" component={LibraryScreen} />
            <Route path="/article/:id">{(params) => <ReaderScreen articleId={Number(params.id)} />}</Route>
            <Route path="/article/:id/parallel">{(params) => <AlignmentScreen articleId={Number(params.id)} />}</Route>
            <Route path="/article/:id/sentence/:segmentId">
              {(params) => <ReaderScreen articleId={Number(params.id)} segmentId={Number(params.segmentId)} />}
            </Route>
            <Route path="/glossary" component={GlossaryScreen} />
            <Route path="/memory" component={MemoryScreen} />
            <Route path="/models" component={ModelsScreen} />
            <Route path="/compare" component={CompareScreen} />
            <Route path="/settings" component={SettingsScreen} />
            <Route>
              <p className="empty-state">Nothing here. <Link href="/">Back to the library</Link></p>
            </Route>
          </Switch>
        </div>
      </div>
    </Router>
  );
}
