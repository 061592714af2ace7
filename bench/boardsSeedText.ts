/**
 * Plausible S3 workshop content for bench/boards.ts: eight regions, capacity titles, descriptions
 * and holders, opportunity titles, bodies and group names. Deterministic (index → text), varied in
 * length like real cards so layout and text measuring cost what they would in a workshop.
 */
export const REGIONS: [name: string, country: string, nuts: string][] = [
  ['Tyrol', 'AT', 'AT33'],
  ['Western Slovenia', 'SI', 'SI04'],
  ['Lombardy', 'IT', 'ITC4'],
  ['Bavaria', 'DE', 'DE2'],
  ['Auvergne-Rhône-Alpes', 'FR', 'FRK'],
  ['South Tyrol', 'IT', 'ITH1'],
  ['Carinthia', 'AT', 'AT21'],
  ['Friuli-Venezia Giulia', 'IT', 'ITH4'],
];

const TOPICS = [
  'precision mechanics',
  'alpine tourism data',
  'collaborative robotics',
  'wood construction',
  'hydrogen valleys',
  'mountain agrifood',
  'digital health',
  'smart grids',
  'photonics',
  'circular textiles',
  'avalanche sensing',
  'sports equipment',
];
const WHAT = [
  'Pilot line for',
  'Testbed in',
  'Competence centre on',
  'Cluster programme for',
  'Doctoral school in',
  'Living lab for',
  'Open data platform on',
  'SME voucher scheme for',
];
const ORGS = [
  'University',
  'Research Institute',
  'Chamber of Commerce',
  'Innovation Agency',
  'Technology Park',
  'Cluster Association',
  'Regional Development Fund',
  'Vocational College',
];
const PLACES = [
  'Innsbruck',
  'Ljubljana',
  'Milan',
  'Munich',
  'Lyon',
  'Bolzano',
  'Klagenfurt',
  'Udine',
];

export function capacityText(n: number): {
  title: string;
  field: string;
  description: string;
  holders: string[];
} {
  const topic = TOPICS[n % TOPICS.length]!;
  const place = PLACES[n % PLACES.length]!;
  const holders = [`${ORGS[n % ORGS.length]} of ${place}`];
  if (n % 3 !== 0) holders.push(`${ORGS[(n + 3) % ORGS.length]} ${place} ${n % 17}`);
  if (n % 5 === 0) holders.push(`${topic.split(' ')[0]} consortium ${n}`);
  return {
    title: `${WHAT[n % WHAT.length]} ${topic}${n % 4 === 0 ? ` with partners across ${place} and neighbouring regions` : ''} (${n})`,
    field: topic,
    description:
      `Since ${2005 + (n % 18)}, ${holders[0]} has run ${WHAT[(n + 1) % WHAT.length]!.toLowerCase()} ` +
      `${topic}, with ${10 + (n % 90)} researchers and ${n % 40} companies involved.` +
      (n % 2 === 0
        ? ` Equipment open to SMEs on request; evidence in the ${2019 + (n % 6)} regional report.`
        : ''),
    holders,
  };
}

export function opportunityText(n: number): { title: string; body: string; group: string } {
  const a = TOPICS[n % TOPICS.length]!;
  const b = TOPICS[(n * 5 + 3) % TOPICS.length]!;
  return {
    title: `Combine ${a} with ${b}${n % 3 === 0 ? ' for cross-border value chains' : ''} #${n}`,
    body: `${PLACES[n % PLACES.length]} and ${PLACES[(n + 3) % PLACES.length]} share demand; a joint pilot could start in ${2026 + (n % 3)}.`,
    group: `${a[0]!.toUpperCase()}${a.slice(1)} × ${b}`,
  };
}
