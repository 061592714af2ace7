/** Noms français du vocabulaire S3 (shared/domain/s3.ts), utilisés par tous les tableaux. */
import type { LocalePart } from '../types';

export const s3: LocalePart<'s3'> = {
  /** A closed field nobody has chosen a value for (stored as ''). */
  notSet: 'Non défini',
  helix: {
    business: 'Entreprises',
    research: 'Recherche',
    government: 'Pouvoirs publics',
    'civil-society': 'Société civile',
    cluster: 'Organisation de cluster',
  },
  capacityKind: {
    industry: 'Industrie',
    research: 'Recherche',
    technology: 'Technologie',
    skills: 'Compétences',
    infrastructure: 'Infrastructure',
    other: 'Autre',
  },
  opportunityKind: {
    'technology-trend': 'Tendance technologique',
    'societal-challenge': 'Défi sociétal',
    market: 'Marché',
    regulation: 'Réglementation',
    other: 'Autre',
  },
  horizon: {
    now: 'Maintenant',
    short: '1 à 2 ans',
    medium: '3 à 5 ans',
    long: 'Plus de 5 ans',
  },
  activityStatus: {
    candidate: 'Candidate',
    selected: 'Retenue',
    parked: 'En attente',
  },
  actionType: {
    'rd-project': 'Projet de R&D',
    networking: 'Mise en réseau',
    'cooperation-scheme': 'Dispositif de coopération',
    'skills-development': 'Développement des compétences',
    infrastructure: 'Infrastructure',
    'cluster-service': 'Service de cluster',
    other: 'Autre',
  },
  fundingSource: {
    'regional-programme': 'Programme régional',
    'synchronised-call': 'Appel interrégional synchronisé',
    interreg: 'Interreg',
    'horizon-europe': 'Horizon Europe',
    private: 'Privé',
    other: 'Autre',
  },
  actionStatus: {
    idea: 'Idée',
    planned: 'Prévue',
    running: 'En cours',
    done: 'Terminée',
  },
  indicatorKind: {
    output: 'Indicateur de réalisation',
    result: 'Indicateur de résultat',
  },
};
