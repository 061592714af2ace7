/** Nomi italiani del vocabolario S3 (shared/domain/s3.ts), usati da tutte le lavagne. */
import type { LocalePart } from '../types';

export const s3: LocalePart<'s3'> = {
  /** A closed field nobody has chosen a value for (stored as ''). */
  notSet: 'Non indicato',
  helix: {
    business: 'Imprese',
    research: 'Ricerca',
    government: 'Pubblica amministrazione',
    'civil-society': 'Società civile',
    cluster: 'Organizzazione cluster',
  },
  capacityKind: {
    industry: 'Industria',
    research: 'Ricerca',
    technology: 'Tecnologia',
    skills: 'Competenze',
    infrastructure: 'Infrastruttura',
    other: 'Altro',
  },
  opportunityKind: {
    'technology-trend': 'Tendenza tecnologica',
    'societal-challenge': 'Sfida sociale',
    market: 'Mercato',
    regulation: 'Normativa',
    other: 'Altro',
  },
  horizon: {
    now: 'Adesso',
    short: '1–2 anni',
    medium: '3–5 anni',
    long: 'Oltre 5 anni',
  },
  activityStatus: {
    candidate: 'Candidata',
    selected: 'Selezionata',
    parked: 'In sospeso',
  },
  actionType: {
    'rd-project': 'Progetto di R&S',
    networking: 'Networking',
    'cooperation-scheme': 'Schema di cooperazione',
    'skills-development': 'Sviluppo delle competenze',
    infrastructure: 'Infrastruttura',
    'cluster-service': 'Servizio del cluster',
    other: 'Altro',
  },
  fundingSource: {
    'regional-programme': 'Programma regionale',
    'synchronised-call': 'Bando interregionale sincronizzato',
    interreg: 'Interreg',
    'horizon-europe': 'Horizon Europe',
    private: 'Privato',
    other: 'Altro',
  },
  actionStatus: {
    idea: 'Idea',
    planned: 'Pianificata',
    running: 'In corso',
    done: 'Conclusa',
  },
  indicatorKind: {
    output: 'Indicatore di output',
    result: 'Indicatore di risultato',
  },
};
