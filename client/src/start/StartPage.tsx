/** `/`: what Transforma is, and the form that creates a workshop. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateWorkshopForm } from './CreateWorkshopForm';

export function StartPage() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);
  return (
    <div className="start">
      <header className="start__header">
        <span className="brand">
          <span className="brand-mark__logo" aria-hidden="true" />
          <span className="brand__name">{t('app.name')}</span>
        </span>
        <a
          className="start__archive-link"
          href="/archive"
          data-testid="archive-link"
          title={t('archive.startLinkHint')}
        >
          {t('archive.startLink')}
        </a>
      </header>
      <main className="start__main">
        <section className="start__intro">
          <p className="start__eyebrow">{t('app.tagline')}</p>
          <h1 className="start__heading">{t('start.heading')}</h1>
          <p className="start__explanation">{t('start.explanation')}</p>
          <ul className="start__features">
            <li>{t('start.features.live')}</li>
            <li>{t('start.features.noAccounts')}</li>
            <li>{t('start.features.offline')}</li>
          </ul>
        </section>
        <CreateWorkshopForm />
      </main>
    </div>
  );
}
