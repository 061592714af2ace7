/** Where a copied activity came from (an ADW's activity from its EDW). */
import { useTranslation } from 'react-i18next';
import type { CardProvenance } from '@shared/doc';

export function ProvenanceNote({ provenance }: { provenance: CardProvenance }) {
  const { t } = useTranslation();
  const ref = provenance.workshopId.slice(0, 6).toUpperCase();
  return (
    <span className="provenance" data-testid="activity-provenance" title={provenance.workshopId}>
      {t('activityCanvas.provenance.label', { ref })}
      {provenance.recordVersion !== undefined &&
        ` · ${t('activityCanvas.provenance.version', { version: provenance.recordVersion })}`}
    </span>
  );
}
