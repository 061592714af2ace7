/**
 * The service worker (built by vite-plugin-pwa, see vite.config.ts) keeps the app shell and every
 * chunk on this device. A new deploy installs a new worker in the background, which waits: the
 * page keeps running the version it started with until the person chooses "Reload" here, never a
 * silent swap in the middle of a workshop. "Later" hides the prompt; the new version then starts
 * the next time every tab of the app is closed.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import './offline.css';

/** A workshop runs for hours: look for a new version now and then, not only on navigation. */
const UPDATE_CHECK_MS = 30 * 60 * 1000;

export function UpdatePrompt() {
  const { t } = useTranslation();
  const [registration, setRegistration] = useState<ServiceWorkerRegistration | null>(null);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW: (_url, r) => setRegistration(r ?? null),
    onRegisterError: (error: unknown) => console.warn('service worker not registered', error),
    // The reload is ours (below): the library's skips a page that had no worker when it loaded.
    onNeedReload: () => {},
  });

  useEffect(() => {
    if (!registration) return;
    const timer = window.setInterval(() => {
      if (navigator.onLine) registration.update().catch(() => {});
    }, UPDATE_CHECK_MS);
    return () => window.clearInterval(timer);
  }, [registration]);

  const reload = () => {
    const container = navigator.serviceWorker;
    // Another tab may have said "Reload" first: this page then only needs reloading.
    if (!container || !registration?.waiting) {
      window.location.reload();
      return;
    }
    // The waiting worker takes over, then the page starts again on the new version.
    container.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    void updateServiceWorker();
  };

  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span className="update-prompt__message">{t('offline.update.message')}</span>
      <button
        type="button"
        className="update-prompt__reload"
        onClick={reload}
        data-testid="update-reload"
      >
        {t('offline.update.reload')}
      </button>
      <button type="button" className="update-prompt__later" onClick={() => setNeedRefresh(false)}>
        {t('offline.update.later')}
      </button>
    </div>
  );
}
