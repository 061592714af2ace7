/** Links of an activity shown by title; a deleted source shows "source removed: <title>". */
import { useTranslation } from 'react-i18next';
import type { LinkedCard } from '@shared/doc';
import { Icon } from '@client/ui/Icon';

export function LinkTitle({ link }: { link: LinkedCard }) {
  const { t } = useTranslation();
  if (!link.removed) return <>{link.title || t('activityCanvas.list.untitled')}</>;
  return (
    <span className="link-removed" data-testid="source-removed">
      <Icon name="alert" size={14} />
      {link.title
        ? t('activityCanvas.link.removed', { title: link.title })
        : t('activityCanvas.link.removedUntitled')}
    </span>
  );
}

export function LinkChips({
  links,
  kind,
}: {
  links: LinkedCard[];
  kind: 'capacity' | 'opportunity';
}) {
  return (
    <ul className={`link-chips link-chips--${kind}`}>
      {links.map((link) => (
        <li key={link.id} className={link.removed ? 'link-chip is-removed' : 'link-chip'}>
          <LinkTitle link={link} />
        </li>
      ))}
    </ul>
  );
}
