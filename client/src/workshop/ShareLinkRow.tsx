/** One share link (participant, wall or facilitator) with its copy button. */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/domain/workshop';
import { copyText } from '@client/lib/clipboard';
import { Icon } from '@client/ui/Icon';

export function ShareLinkRow({ role, link }: { role: Role; link: string }) {
  const { t } = useTranslation();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (copyState === 'idle') return;
    const timer = setTimeout(() => setCopyState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copyState]);

  const copy = async () => {
    const ok = await copyText(link);
    setCopyState(ok ? 'copied' : 'failed');
    if (!ok) inputRef.current?.select();
  };

  return (
    <div className={`share__row share__row--${role}`} data-testid={`share-link-${role}`}>
      <label htmlFor={inputId} className="share__label">
        <span className="share__role">{t(`share.${role}`)}</span>
        <span className="share__hint">{t(`share.${role}Hint`)}</span>
      </label>
      <div className="share__field">
        <input
          ref={inputRef}
          id={inputId}
          className="share__input"
          type="text"
          readOnly
          value={link}
          data-testid={`share-link-input-${role}`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className={copyState === 'copied' ? 'button button--success' : 'button'}
          aria-label={t('share.copyLabel', { role: t(`share.${role}`) })}
          onClick={() => void copy()}
        >
          <Icon name={copyState === 'copied' ? 'check' : 'copy'} size={16} />
          <span aria-live="polite">
            {copyState === 'copied'
              ? t('share.copied')
              : copyState === 'failed'
                ? t('share.copyFailed')
                : t('share.copy')}
          </span>
        </button>
      </div>
    </div>
  );
}
