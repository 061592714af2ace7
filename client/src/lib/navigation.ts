/**
 * Routing by location.pathname, without a router package: `/` is the start page, `/w/<id>` a
 * workshop, `/archive` the organisers' archive (`/archive/<id>` a record, `/archive/compare?ids=`
 * records side by side). `navigate` pushes a history entry and tells the App to re-read the location.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'start' }
  | { name: 'workshop'; workshopId: string }
  | { name: 'archive' }
  | { name: 'archiveCompare' }
  | { name: 'archiveRecord'; workshopId: string }
  | { name: 'notFound' };

const NAVIGATE_EVENT = 'transforma:navigate';

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'start' };
  const match = /^\/w\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1]) return { name: 'workshop', workshopId: decodeURIComponent(match[1]) };
  if (/^\/archive\/?$/.test(pathname)) return { name: 'archive' };
  if (/^\/archive\/compare\/?$/.test(pathname)) return { name: 'archiveCompare' };
  const record = /^\/archive\/([^/]+)\/?$/.exec(pathname);
  if (record?.[1]) return { name: 'archiveRecord', workshopId: decodeURIComponent(record[1]) };
  return { name: 'notFound' };
}

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current pathname; re-renders on back/forward and on `navigate`. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
