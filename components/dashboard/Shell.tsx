import { lazy, Suspense, useEffect, useRef, useState, type ComponentType, type LazyExoticComponent, type MouseEvent } from 'react';
import { useProfile } from '../hooks/useProfile';
import { Icon, type IconName } from '../ui/Icon';
import { Logo } from '../ui/Logo';
import { VIEWS, hashFor, viewFromHash, type ViewId } from './routes';
import { prefetchInference } from './inferred/prefetch';

/** One lazily loaded file per view, so each view's weight (charts, the model runtime) loads only when opened. */
const VIEW_COMPONENTS: Record<ViewId, LazyExoticComponent<ComponentType>> = {
  profile: lazy(() => import('./views/ProfileView')),
  exceptions: lazy(() => import('./views/ExceptionsView')),
  inferred: lazy(() => {
    prefetchInference();
    return import('./views/InferredView');
  }),
  flagged: lazy(() => import('./views/FlaggedView')),
  activity: lazy(() => import('./views/ActivityView')),
  chat: lazy(() => import('./views/ChatView')),
  model: lazy(() => import('./views/ModelView')),
  data: lazy(() => import('./views/DataView')),
};

const VIEW_ICONS: Record<ViewId, IconName> = {
  profile: 'user',
  exceptions: 'check',
  inferred: 'brain',
  flagged: 'flag',
  activity: 'activity',
  chat: 'chat',
  model: 'cpu',
  data: 'database',
};

/** The dashboard frame: navigation, hash routing (`dashboard.html#/data`), skip link and landmarks. Each view
 * renders below the page heading the shell provides, starting its own sections at h2. */
export function Shell() {
  const [view, setView] = useState<ViewId>(() => viewFromHash(location.hash));
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const { profile } = useProfile();
  const meta = VIEWS.find((v) => v.id === view)!;

  useEffect(() => {
    const onHash = () => setView(viewFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.title = `${meta.label} · Parapet`;
    // After a navigation, move focus to the new view so keyboard and screen-reader users land on it.
    if (firstRender.current) firstRender.current = false;
    else main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [view, meta.label]);

  const skip = (e: MouseEvent) => {
    e.preventDefault(); // the hash belongs to the router
    main.current?.focus();
  };

  const View = VIEW_COMPONENTS[view];
  return (
    <>
      <a className="skip-link" href="#main" onClick={skip}>
        Skip to content
      </a>
      <div className="db">
        <header className="db-side">
          <div className="db-brand">
            <Logo size={28} />
            <span>Parapet</span>
          </div>
          <nav aria-label="Dashboard" className="db-nav">
            <ul>
              {VIEWS.map((v) => (
                <li key={v.id}>
                  <a href={hashFor(v.id)} aria-current={v.id === view ? 'page' : undefined}>
                    <Icon name={VIEW_ICONS[v.id]} size={17} />
                    <span>{v.label}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="db-side-foot">
            {profile?.paused ? (
              <p className="db-paused" role="status">
                <span className="dot" aria-hidden="true" /> Paused on every site
              </p>
            ) : null}
            <p className="db-local">
              <Icon name="database" size={13} /> Everything stays on this device.
            </p>
          </div>
        </header>
        <main id="main" ref={main} tabIndex={-1} className="db-main" aria-labelledby="db-title">
          <div className="db-page-head">
            <h1 id="db-title">{meta.label}</h1>
            <p>{meta.hint}</p>
          </div>
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <View key={view} />
          </Suspense>
        </main>
      </div>
    </>
  );
}
