/** German names of the S3 vocabulary (shared/domain/s3.ts), used by every board. */
import type { LocalePart } from '../types';

export const s3: LocalePart<'s3'> = {
  notSet: 'Nicht festgelegt',
  helix: {
    business: 'Wirtschaft',
    research: 'Wissenschaft',
    government: 'Öffentliche Hand',
    'civil-society': 'Zivilgesellschaft',
    cluster: 'Clusterorganisation',
  },
  capacityKind: {
    industry: 'Industrie',
    research: 'Forschung',
    technology: 'Technologie',
    skills: 'Kompetenzen',
    infrastructure: 'Infrastruktur',
    other: 'Sonstiges',
  },
  opportunityKind: {
    'technology-trend': 'Technologietrend',
    'societal-challenge': 'Gesellschaftliche Herausforderung',
    market: 'Markt',
    regulation: 'Regulierung',
    other: 'Sonstiges',
  },
  horizon: {
    now: 'Jetzt',
    short: '1–2 Jahre',
    medium: '3–5 Jahre',
    long: 'Mehr als 5 Jahre',
  },
  activityStatus: {
    candidate: 'Kandidat',
    selected: 'Ausgewählt',
    parked: 'Geparkt',
  },
  actionType: {
    'rd-project': 'F&E-Projekt',
    networking: 'Vernetzung',
    'cooperation-scheme': 'Kooperationsmodell',
    'skills-development': 'Kompetenzentwicklung',
    infrastructure: 'Infrastruktur',
    'cluster-service': 'Clusterdienstleistung',
    other: 'Sonstiges',
  },
  fundingSource: {
    'regional-programme': 'Regionales Programm',
    'synchronised-call': 'Synchronisierte regionenübergreifende Ausschreibung',
    interreg: 'Interreg',
    'horizon-europe': 'Horizont Europa',
    private: 'Privat',
    other: 'Sonstige',
  },
  actionStatus: {
    idea: 'Idee',
    planned: 'Geplant',
    running: 'Laufend',
    done: 'Abgeschlossen',
  },
  indicatorKind: {
    output: 'Outputindikator',
    result: 'Ergebnisindikator',
  },
};
