/** A full-page message: loading, invalid link, workshop not found, server unreachable. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

interface StatusScreenProps {
  title: string;
  body?: string;
  tone?: 'neutral' | 'warning';
  testId?: string;
  children?: ReactNode;
  busy?: boolean;
}

export function StatusScreen({
  title,
  body,
  tone = 'neutral',
  testId,
  children,
  busy,
}: StatusScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="status-screen" data-testid={testId} aria-busy={busy || undefined}>
      <div className="status-screen__panel">
        {busy ? (
          <span className="spinner" aria-hidden="true" />
        ) : (
          tone === 'warning' && (
            <span className="status-screen__icon">
              <Icon name="alert" size={28} />
            </span>
          )
        )}
        <h1 className="status-screen__title">{title}</h1>
        {body && <p className="status-screen__body">{body}</p>}
        {children}
        {!busy && (
          <a className="status-screen__home" href="/">
            <Icon name="home" size={16} />
            {t('workshop.home')}
          </a>
        )}
      </div>
    </main>
  );
}
