/** English names of the S3 vocabulary (shared/domain/s3.ts), used by every board. */
export const s3 = {
  /** A closed field nobody has chosen a value for (stored as ''). */
  notSet: 'Not set',
  helix: {
    business: 'Business',
    research: 'Research',
    government: 'Government',
    'civil-society': 'Civil society',
    cluster: 'Cluster organisation',
  },
  capacityKind: {
    industry: 'Industry',
    research: 'Research',
    technology: 'Technology',
    skills: 'Skills',
    infrastructure: 'Infrastructure',
    other: 'Other',
  },
  opportunityKind: {
    'technology-trend': 'Technology trend',
    'societal-challenge': 'Societal challenge',
    market: 'Market',
    regulation: 'Regulation',
    other: 'Other',
  },
  horizon: {
    now: 'Now',
    short: '1–2 years',
    medium: '3–5 years',
    long: 'More than 5 years',
  },
  activityStatus: {
    candidate: 'Candidate',
    selected: 'Selected',
    parked: 'Parked',
  },
  actionType: {
    'rd-project': 'R&D project',
    networking: 'Networking',
    'cooperation-scheme': 'Cooperation scheme',
    'skills-development': 'Skills development',
    infrastructure: 'Infrastructure',
    'cluster-service': 'Cluster service',
    other: 'Other',
  },
  fundingSource: {
    'regional-programme': 'Regional programme',
    'synchronised-call': 'Synchronised cross-regional call',
    interreg: 'Interreg',
    'horizon-europe': 'Horizon Europe',
    private: 'Private',
    other: 'Other',
  },
  actionStatus: {
    idea: 'Idea',
    planned: 'Planned',
    running: 'Running',
    done: 'Done',
  },
  indicatorKind: {
    output: 'Output indicator',
    result: 'Result indicator',
  },
};
