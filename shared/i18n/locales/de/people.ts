/** German strings of joining a workshop and of the people in it: the people panel, hands, removal. */
import type { LocalePart } from '../types';

export const join: LocalePart<'join'> = {
  title: '{{workshop}} beitreten',
  titleRename: 'Namen ändern',
  explanation: 'Ihr Name wird den anderen auf Ihren Karten und neben Ihrem Zeiger angezeigt.',
  profileExplanation:
    'Sagen Sie den anderen, wer Sie sind. Organisation, Helix und Region helfen der Moderation zu sehen, wer im Raum ist; nur der Name ist Pflicht.',
  nameLabel: 'Ihr Name',
  namePlaceholder: 'z. B. Maria Rossi',
  organisationLabel: 'Organisation',
  organisationPlaceholder: 'z. B. Universität Ljubljana',
  helixLabel: 'Ihr Sektor (Helix)',
  helixNone: 'Keine Angabe',
  regionLabel: 'Region',
  consent:
    'Mich im Protokoll des Workshops namentlich nennen. Sonst zählt das Protokoll mich nur nach Helix und Region.',
  regionNone: 'Keine Region',
  optional: '(optional)',
  submit: 'Beitreten',
  joining: 'Trete bei …',
  save: 'Speichern',
  saving: 'Wird gespeichert …',
  cancel: 'Abbrechen',
  nameRequired: 'Geben Sie einen Namen ein, damit andere wissen, wer was geschrieben hat.',
  errors: {
    network:
      'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    region: 'Diese Region gibt es im Workshop nicht mehr. Wählen Sie eine andere.',
    generic: 'Das hat nicht geklappt: {{message}}',
    removed:
      'Sie wurden aus diesem Workshop entfernt. Bitten Sie die Moderation, Sie wieder zuzulassen, und versuchen Sie es dann erneut.',
  },
};

export const people: LocalePart<'people'> = {
  label: 'Personen online',
  more: '+{{count}} weitere',
  anonymous: 'Anonym',
  buttonLabel: 'Personen: {{online}} von {{total}} online',
  handsBadge_one: '{{count}} Hand gehoben',
  handsBadge_other: '{{count}} Hände gehoben',
  panelTitle: 'Personen',
  close: 'Personenliste schließen',
  summary: '{{online}} online · {{total}} beigetreten',
  search: 'Person suchen',
  searchPlaceholder: 'Name, Organisation oder Region',
  empty: 'Noch niemand ist beigetreten. Teilen Sie den Teilnahmelink.',
  noMatch: 'Niemand passt zu „{{query}}“.',
  loading: 'Wird geladen …',
  you: 'Sie',
  online: 'Online',
  offline: 'Offline',
  facilitator: 'Moderation',
  unknownRegion: 'Unbekannte Region',
  handRaised: 'Hand gehoben',
  queue: {
    title: 'Wortmeldungen',
    position: '{{position}}.',
    lower: 'Senken',
    lowerLabel: 'Hand von {{name}} senken',
  },
  actions: {
    label: 'Aktionen für {{name}}',
    promote: 'Zur Co-Moderation machen',
    promoteLabel: '{{name}} zur Co-Moderation machen',
    remove: 'Entfernen',
    removeLabel: '{{name}} aus dem Workshop entfernen',
    confirmRemove:
      '{{name}} entfernen? Die Person kann diesen Workshop dann nicht mehr sehen oder bearbeiten.',
    confirm: 'Entfernen',
    cancel: 'Behalten',
    failed: 'Das hat nicht geklappt: {{error}}',
  },
  hand: {
    raise: 'Hand heben',
    lower: 'Hand senken',
    failed: 'Ihre Hand konnte nicht gehoben werden: {{error}}',
  },
  removed: {
    title: 'Sie wurden aus diesem Workshop entfernt',
    body: 'Die Moderation hat Sie entfernt. Ihre Karten bleiben auf dem Board. Falls das ein Versehen ist, bitten Sie die Moderation, Sie wieder zuzulassen, und versuchen Sie es dann erneut.',
    tryAgain: 'Erneut versuchen',
  },
  removedList: {
    title: 'Entfernt',
    hint: 'Wer wieder zugelassen wird, kann von seinem Gerät aus erneut beitreten, unter demselben Namen wie zuvor.',
    letBackIn: 'Wieder zulassen',
    letBackInLabel: '{{name}} wieder zulassen',
  },
};
