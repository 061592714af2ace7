/**
 * German strings (Deutsch). Mirrors the keys of the English reference (en.ts); the wording
 * follows docs/i18n/glossary-de.md. UI sentences address the user as "Sie"; buttons use the infinitive.
 */
import { actionList } from './de/actionList';
import { activityCanvas } from './de/activityCanvas';
import { archive } from './de/archive';
import { boards } from './de/boards';
import { breakouts } from './de/breakouts';
import { capacityMap } from './de/capacityMap';
import { errors } from './de/errors';
import { exportStrings } from './de/exports';
import { facilitation } from './de/facilitation';
import { opportunityBoard } from './de/opportunityBoard';
import { offline } from './de/offline';
import { join, people } from './de/people';
import { privateWriting } from './de/privateWriting';
import { questionnaires } from './de/questionnaires';
import { s3 } from './de/s3';
import { voting } from './de/voting';
import type { Locale } from './types';

export const de: Locale = {
  s3,
  boards,
  capacityMap,
  opportunityBoard,
  activityCanvas,
  actionList,
  facilitation,
  privateWriting,
  questionnaires,
  voting,
  breakouts,
  archive,
  exports: exportStrings,
  errors,
  offline,
  app: {
    name: 'Transforma',
    tagline:
      'Live gemeinsam bearbeitete Boards für Workshops zur intelligenten Spezialisierung (S3).',
    documentTitle: '{{workshop}} · Transforma',
    language: 'Sprache',
  },
  start: {
    heading: 'Workshops, in denen alle auf demselben Board schreiben',
    explanation:
      'Workshop anlegen, Link teilen und gemeinsam Kapazitäten, Chancen und transformative Aktivitäten erfassen – vor Ort oder online. Ohne Konto.',
    formTitle: 'Neuer Workshop',
    titleLabel: 'Titel des Workshops',
    titlePlaceholder: 'z. B. Digitale Dienste für den Alpentourismus',
    templateLabel: 'Workshop-Typ',
    submit: 'Workshop anlegen',
    submitting: 'Wird angelegt …',
    hint: 'Sie erhalten drei Links: für die Moderation, für Teilnehmende und für die Leinwand.',
    errors: {
      titleRequired: 'Geben Sie dem Workshop einen Titel.',
      network:
        'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      generic: 'Der Workshop konnte nicht angelegt werden: {{message}}',
    },
    features: {
      live: 'Alle bearbeiten live',
      noAccounts: 'Teilnahme per Link, ohne Konto',
      offline: 'Funktioniert auch ohne Netz weiter',
    },
  },
  template: {
    edw: 'Workshop zur unternehmerischen Entdeckung (EDW)',
    cedw: 'Regionenübergreifender Workshop zur unternehmerischen Entdeckung (cEDW)',
    adw: 'Workshop zur Maßnahmenentwicklung (ADW)',
    cadw: 'Regionenübergreifender Workshop zur Maßnahmenentwicklung (cADW)',
    'self-assessment': 'Selbstbewertung des Clustermanagements',
  },
  templateShort: {
    edw: 'EDW',
    cedw: 'cEDW',
    adw: 'ADW',
    cadw: 'cADW',
    'self-assessment': 'Selbstbewertung',
  },
  role: {
    facilitator: 'Moderation',
    participant: 'Teilnehmer:in',
    projector: 'Leinwand',
  },
  workshop: {
    loading: 'Workshop wird geöffnet …',
    invalidLink: {
      title: 'Dieser Link ist ungültig oder abgelaufen',
      body: 'Bitten Sie die Moderation des Workshops um einen neuen Link.',
    },
    notFound: {
      title: 'Workshop nicht gefunden',
      body: 'Diesen Workshop gibt es nicht oder er wurde entfernt.',
    },
    loadError: {
      title: 'Der Workshop konnte nicht geöffnet werden',
      body: 'Der Server ist gerade nicht erreichbar.',
      retry: 'Erneut versuchen',
    },
    home: 'Zur Startseite',
  },
  join,
  topBar: {
    home: 'Transforma-Startseite',
    roleBadge: 'Ihre Rolle: {{role}}',
    editName: 'Namen ändern ({{name}})',
    share: 'Teilen',
    more: 'Mehr',
  },
  connection: {
    connected: 'Verbunden',
    connecting: 'Verbinde …',
    reconnecting: 'Verbinde neu …',
    offline: 'Offline',
    connectedHint: 'Alle Änderungen sind gespeichert und werden live geteilt.',
    connectingHint: 'Verbindung zum Workshop wird hergestellt …',
    reconnectingHint:
      'Die Verbindung zum Workshop ist unterbrochen und wird wiederhergestellt. Ihre Änderungen bleiben so lange auf diesem Gerät.',
    offlineHint:
      'Offline: Ihre Änderungen bleiben auf diesem Gerät und werden geteilt, sobald die Verbindung wieder steht.',
  },
  people,
  share: {
    title: 'Workshop teilen',
    explanation:
      'Wer einen Link hat, kann mit dieser Rolle teilnehmen. Halten Sie den Moderationslink privat.',
    participant: 'Teilnehmende',
    participantHint: 'Dem Board beitreten und Karten schreiben.',
    projector: 'Leinwand',
    projectorHint: 'Ansicht ohne Bearbeitung für den Beamer im Raum.',
    facilitator: 'Moderation',
    facilitatorHint: 'Volle Kontrolle: nur für die Co-Moderation.',
    copy: 'Kopieren',
    copyLabel: 'Link für {{role}} kopieren',
    copied: 'Kopiert',
    copyFailed: 'Link markieren und kopieren',
    close: 'Schließen',
    loading: 'Links werden geladen …',
    loadError: 'Die Links konnten nicht geladen werden.',
    reset: {
      intro:
        'Ein Link ist in falsche Hände geraten? Setzen Sie ihn zurück: Der alte Link funktioniert sofort nicht mehr. Wer schon beigetreten ist, bleibt dabei.',
      button: {
        participant: 'Teilnahmelink zurücksetzen',
        projector: 'Leinwandlink zurücksetzen',
      },
      confirm: {
        participant:
          'Teilnahmelink zurücksetzen? Der alte Link funktioniert sofort nicht mehr: Niemand kann damit noch beitreten, und wer ihn gerade geöffnet hat, wird getrennt. Wer schon beigetreten ist, bleibt dabei. Teilen Sie den neuen Link (der QR-Code auf der Leinwand passt sich an).',
        projector:
          'Leinwandlink zurücksetzen? Der alte Link funktioniert sofort nicht mehr, und eine damit geöffnete Leinwand wird getrennt: Öffnen Sie den neuen Link auf der Leinwand.',
      },
      confirmButton: 'Zurücksetzen',
      resetting: 'Wird zurückgesetzt …',
      cancel: 'Behalten',
      done: {
        participant: 'Neuer Teilnahmelink oben: Teilen Sie ihn erneut.',
        projector: 'Neuer Leinwandlink oben: Öffnen Sie ihn auf der Leinwand.',
      },
      failed: 'Der Link konnte nicht zurückgesetzt werden. Versuchen Sie es erneut.',
    },
  },
  toolbar: {
    label: 'Board-Werkzeuge',
    addCard: 'Karte hinzufügen',
    addCardHint: 'Karte hinzufügen (oder auf das Board doppelklicken)',
    zoomControls: 'Zoom',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    zoomReset: 'Zoom auf 100 % zurücksetzen',
    zoomLevel: '{{percent}} %',
    fit: 'Alle Karten einpassen',
    fitShort: 'Einpassen',
  },
  board: {
    label: 'Workshop-Board',
    emptyTitle: 'Das Board ist leer',
    emptyHint:
      'Doppelklicken Sie irgendwo oder nutzen Sie „Karte hinzufügen“, um die erste Karte zu schreiben.',
    emptyHintReadOnly: 'Karten erscheinen hier, sobald Teilnehmende sie schreiben.',
    overview:
      'Übersicht über {{count}} Karten als Blöcke. Hineinzoomen (Strg und +), um sie zu lesen und zu bearbeiten.',
  },
  dragAndDrop: {
    roleDescription: 'ziehbar',
    instructions:
      'Zum Aufnehmen die Leertaste drücken. Beim Ziehen bewegen die Pfeiltasten es zum nächsten Platz in dieser Richtung. Mit der Leertaste dort ablegen, mit Escape abbrechen.',
    handle: '{{item}} ziehen',
    pickedUp: '{{item}} aufgenommen.',
    over: '{{item}} ist über {{zone}}.',
    notOver: '{{item}} ist über keinem Ablageplatz mehr.',
    dropped: '{{item}} wurde auf {{zone}} abgelegt.',
    droppedNowhere:
      '{{item}} wurde außerhalb eines Ablageplatzes losgelassen: nichts hat sich geändert.',
    cancelled: 'Ziehen abgebrochen: {{item}} bleibt, wo es war.',
  },
  card: {
    roleDescription: 'Karte',
    keyHint: 'Pfeiltasten verschieben · Umschalt+Pfeil: weiter · Enter: bearbeiten · F2: Titel',
    label: 'Karte: {{title}}',
    labelWithAuthor: 'Karte: {{title}}, von {{author}}',
    untitled: 'Karte ohne Titel',
    titlePlaceholder: 'Titel schreiben …',
    titleLabel: 'Kartentitel',
    editTitle: 'Titel bearbeiten',
    bodyPlaceholder: 'Doppelklicken für Details',
    bodyLabel: 'Kartendetails',
    bodyEditorLabel: 'Kartendetails bearbeiten',
    by: 'von {{author}}',
    actions: 'Kartenaktionen',
    color: 'Farbe: {{color}}',
    delete: 'Karte löschen',
    done: 'Fertig',
  },
  color: {
    yellow: 'Gelb',
    blue: 'Blau',
    green: 'Grün',
    pink: 'Rosa',
    purple: 'Lila',
    orange: 'Orange',
    gray: 'Grau',
  },
  format: {
    label: 'Textformatierung',
    bold: 'Fett',
    italic: 'Kursiv',
    strike: 'Durchgestrichen',
    heading: 'Überschrift',
    bulletList: 'Aufzählung',
    orderedList: 'Nummerierte Liste',
    blockquote: 'Zitat',
  },
  cursor: {
    label: 'Zeiger von {{name}}',
  },
};
