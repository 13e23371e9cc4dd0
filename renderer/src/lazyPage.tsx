import Spin from 'antd/es/spin';
import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A page that is fetched on its first visit, as its own chunk, with a spinner meanwhile: the login
 * screen then loads only the shell, not every page's code. Typed as the page itself.
 */
export function lazyPage<M extends Record<K, ComponentType<never>>, K extends keyof M & string>(load: () => Promise<M>, name: K): M[K] {
  const Page = lazy(() => load().then((m) => ({ default: m[name] as unknown as ComponentType<object> })));
  const LazyPage = (props: object) => (
    <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '96px auto' }} />}>
      <Page {...props} />
    </Suspense>
  );
  return LazyPage as unknown as M[K];
}
