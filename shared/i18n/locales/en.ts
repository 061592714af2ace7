/**
 * English strings: the reference locale. Every other locale (de, fr, it, sl) mirrors these keys;
 * a missing key falls back to English.
 */
import { actionList } from './en/actionList';
import { activityCanvas } from './en/activityCanvas';
import { archive } from './en/archive';
import { boards } from './en/boards';
import { breakouts } from './en/breakouts';
import { capacityMap } from './en/capacityMap';
import { errors } from './en/errors';
import { exportStrings } from './en/exports';
import { facilitation } from './en/facilitation';
import { opportunityBoard } from './en/opportunityBoard';
import { offline } from './en/offline';
import { join, people } from './en/people';
import { privateWriting } from './en/privateWriting';
import { questionnaires } from './en/questionnaires';
import { s3 } from './en/s3';
import { voting } from './en/voting';

export const en = {
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
    tagline: 'Live, co-edited boards for Smart Specialisation (S3) workshops.',
    documentTitle: '{{workshop}} · Transforma',
    language: 'Language',
  },
  start: {
    heading: 'Run a workshop where everyone writes on the same board',
    explanation:
      'Create a workshop, share the link, and map capacities, opportunities and transformative activities together, in the room or remotely. No accounts needed.',
    formTitle: 'New workshop',
    titleLabel: 'Workshop title',
    titlePlaceholder: 'e.g. Digital services for alpine tourism',
    templateLabel: 'Workshop type',
    submit: 'Create workshop',
    submitting: 'Creating…',
    hint: 'You will get three links: for facilitators, for participants and for the wall screen.',
    errors: {
      titleRequired: 'Give the workshop a title.',
      network: 'The server cannot be reached. Check your connection and try again.',
      generic: 'The workshop could not be created: {{message}}',
    },
    features: {
      live: 'Everyone edits live',
      noAccounts: 'Join with a link, no account',
      offline: 'Keeps working when the network drops',
    },
  },
  template: {
    edw: 'Entrepreneurial Discovery Workshop (EDW)',
    cedw: 'Cross-regional Entrepreneurial Discovery Workshop (cEDW)',
    adw: 'Action Development Workshop (ADW)',
    cadw: 'Cross-regional Action Development Workshop (cADW)',
    'self-assessment': 'Cluster management self-assessment',
  },
  templateShort: {
    edw: 'EDW',
    cedw: 'cEDW',
    adw: 'ADW',
    cadw: 'cADW',
    'self-assessment': 'Self-assessment',
  },
  role: {
    facilitator: 'Facilitator',
    participant: 'Participant',
    projector: 'Wall screen',
  },
  workshop: {
    loading: 'Opening the workshop…',
    invalidLink: {
      title: 'This link is invalid or expired',
      body: 'Ask the facilitator of the workshop for a new link.',
    },
    notFound: {
      title: 'Workshop not found',
      body: 'This workshop does not exist, or it has been removed.',
    },
    loadError: {
      title: 'The workshop could not be opened',
      body: 'The server cannot be reached right now.',
      retry: 'Try again',
    },
    home: 'Go to the start page',
  },
  join,
  topBar: {
    home: 'Transforma home',
    roleBadge: 'Your role: {{role}}',
    editName: 'Change your name ({{name}})',
    share: 'Share',
    more: 'More',
  },
  connection: {
    connected: 'Connected',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    offline: 'Offline',
    connectedHint: 'All changes are saved and shared live.',
    connectingHint: 'Connecting to the workshop…',
    reconnectingHint:
      'The connection to the workshop was lost: reconnecting. Your changes are kept on this device meanwhile.',
    offlineHint:
      'Offline: your changes are kept on this device and shared when the connection is back.',
  },
  people,
  share: {
    title: 'Share this workshop',
    explanation: 'Anyone with a link can join with that role. Keep the facilitator link private.',
    participant: 'Participants',
    participantHint: 'Join the board and write cards.',
    projector: 'Wall screen',
    projectorHint: 'Read-only view for the projector in the room.',
    facilitator: 'Facilitators',
    facilitatorHint: 'Full control: for co-facilitators only.',
    copy: 'Copy',
    copyLabel: 'Copy the {{role}} link',
    copied: 'Copied',
    copyFailed: 'Select the link and copy it',
    close: 'Close',
    loading: 'Loading links…',
    loadError: 'The links could not be loaded.',
    reset: {
      intro:
        'A link in the wrong hands? Reset it: the old link stops working at once. People who already joined stay in.',
      button: {
        participant: 'Reset participant link',
        projector: 'Reset wall screen link',
      },
      confirm: {
        participant:
          'Reset the participant link? The old link stops working at once: nobody can join with it any more, and anyone still on it is disconnected. People who already joined stay in. Share the new link (the wall’s QR code follows).',
        projector:
          'Reset the wall screen link? The old link stops working at once and a wall screen open with it is disconnected: open the new link on the wall.',
      },
      confirmButton: 'Reset link',
      resetting: 'Resetting…',
      cancel: 'Keep',
      done: {
        participant: 'New participant link above: share it again.',
        projector: 'New wall screen link above: open it on the wall.',
      },
      failed: 'The link could not be reset. Try again.',
    },
  },
  toolbar: {
    label: 'Board tools',
    addCard: 'Add card',
    addCardHint: 'Add a card (or double-click the board)',
    zoomControls: 'Zoom',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomReset: 'Reset zoom to 100%',
    zoomLevel: '{{percent}}%',
    fit: 'Fit all cards on screen',
    fitShort: 'Fit',
  },
  board: {
    label: 'Workshop board',
    emptyTitle: 'The board is empty',
    emptyHint: 'Double-click anywhere or use “Add card” to write the first card.',
    emptyHintReadOnly: 'Cards appear here as soon as participants write them.',
    overview:
      'Overview of {{count}} cards, drawn as blocks. Zoom in (Ctrl and +) to read and edit them.',
  },
  dragAndDrop: {
    roleDescription: 'draggable',
    instructions:
      'To pick it up, press Space. While dragging, the arrow keys move it to the next place in that direction. Press Space again to drop it there, or Escape to cancel.',
    handle: 'Drag {{item}}',
    pickedUp: 'Picked up {{item}}.',
    over: '{{item}} is over {{zone}}.',
    notOver: '{{item}} is no longer over a place to drop it.',
    dropped: '{{item}} was dropped on {{zone}}.',
    droppedNowhere: '{{item}} was dropped outside any place to drop it: nothing changed.',
    cancelled: 'Dragging was cancelled: {{item}} stays where it was.',
  },
  card: {
    roleDescription: 'card',
    keyHint: 'Arrow keys move · Shift+Arrow: further · Enter: edit · F2: title',
    label: 'Card: {{title}}',
    labelWithAuthor: 'Card: {{title}}, by {{author}}',
    untitled: 'Untitled card',
    titlePlaceholder: 'Write a title…',
    titleLabel: 'Card title',
    editTitle: 'Edit the title',
    bodyPlaceholder: 'Double-click to add details',
    bodyLabel: 'Card details',
    bodyEditorLabel: 'Edit the card details',
    by: 'by {{author}}',
    actions: 'Card actions',
    color: 'Colour: {{color}}',
    delete: 'Delete card',
    done: 'Done',
  },
  color: {
    yellow: 'Yellow',
    blue: 'Blue',
    green: 'Green',
    pink: 'Pink',
    purple: 'Purple',
    orange: 'Orange',
    gray: 'Grey',
  },
  format: {
    label: 'Text formatting',
    bold: 'Bold',
    italic: 'Italic',
    strike: 'Strikethrough',
    heading: 'Heading',
    bulletList: 'Bulleted list',
    orderedList: 'Numbered list',
    blockquote: 'Quote',
  },
  cursor: {
    label: '{{name}}’s pointer',
  },
} as const;

export type TranslationResources = typeof en;
