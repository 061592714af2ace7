/** Slovenian names of the S3 vocabulary (shared/domain/s3.ts), used by every board. */
import type { LocalePart } from '../types';

export const s3: LocalePart<'s3'> = {
  notSet: 'Ni določeno',
  helix: {
    business: 'Gospodarstvo',
    research: 'Raziskave',
    government: 'Javni sektor',
    'civil-society': 'Civilna družba',
    cluster: 'Grozdna organizacija',
  },
  capacityKind: {
    industry: 'Industrija',
    research: 'Raziskave',
    technology: 'Tehnologija',
    skills: 'Spretnosti',
    infrastructure: 'Infrastruktura',
    other: 'Drugo',
  },
  opportunityKind: {
    'technology-trend': 'Tehnološki trend',
    'societal-challenge': 'Družbeni izziv',
    market: 'Trg',
    regulation: 'Regulativa',
    other: 'Drugo',
  },
  horizon: {
    now: 'Zdaj',
    short: '1–2 leti',
    medium: '3–5 let',
    long: 'Več kot 5 let',
  },
  activityStatus: {
    candidate: 'Predlagana',
    selected: 'Izbrana',
    parked: 'Odložena',
  },
  actionType: {
    'rd-project': 'Projekt RR',
    networking: 'Mreženje',
    'cooperation-scheme': 'Shema sodelovanja',
    'skills-development': 'Razvoj spretnosti',
    infrastructure: 'Infrastruktura',
    'cluster-service': 'Storitev grozda',
    other: 'Drugo',
  },
  fundingSource: {
    'regional-programme': 'Regionalni program',
    'synchronised-call': 'Usklajeni medregionalni razpis',
    interreg: 'Interreg',
    'horizon-europe': 'Obzorje Evropa',
    private: 'Zasebni viri',
    other: 'Drugo',
  },
  actionStatus: {
    idea: 'Zamisel',
    planned: 'Načrtovano',
    running: 'V teku',
    done: 'Končano',
  },
  indicatorKind: {
    output: 'Kazalnik učinka',
    result: 'Kazalnik rezultata',
  },
};
