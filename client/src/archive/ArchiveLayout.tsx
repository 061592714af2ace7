/** The archive's frame: brand, title, and (with an organiser token) a way to forget the token. */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '@client/styles/archive.css';

interface ArchiveLayoutProps {
  children: ReactNode;
  onSignOut?: () => void;
}

export function ArchiveLayout({ children, onSignOut }: ArchiveLayoutProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('archive.documentTitle');
  }, [t]);
  return (
    <div className="archive">
      <header className="archive__header">
        <a className="brand" href="/" aria-label={t('archive.home')}>
          <span className="brand-mark__logo" aria-hidden="true" />
          <span className="brand__name">{t('app.name')}</span>
        </a>
        <a className="archive__section" href="/archive">
          {t('archive.title')}
        </a>
        {onSignOut && (
          <button
            type="button"
            className="button button--ghost archive__sign-out"
            data-testid="archive-sign-out"
            onClick={onSignOut}
          >
            {t('archive.signOut')}
          </button>
        )}
      </header>
      <main className="archive__main">{children}</main>
    </div>
  );
}
