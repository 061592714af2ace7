/**
 * Every refusal the server sends a person, by a stable code. The server keeps its English text
 * (for its logs and API clients); the client shows `errors.<code>` in the person's language.
 * REST error bodies carry the code (server/http/errors.ts); a socket.io refusal carries the text,
 * and the client reads its code here. A test (tests/unit/server-errors.test.ts) checks that every
 * text the server can send has a code and every code an English message.
 */

/**
 * `POST /join` answers 403 with this when the device's person was removed from the workshop. Here,
 * not in domain/identity.ts, so that reading error codes (the start page does) does not load zod.
 */
export const REMOVED_REJOIN_ERROR =
  'you were removed from this workshop; ask the facilitator to let you back in';

export const SERVER_ERRORS = {
  missingToken: ['missing token (Authorization: Bearer, or ?token=)', 'missing bearer token'],
  invalidToken: ['invalid token for this workshop'],
  noSuchWorkshop: ['no such workshop'],
  missingOrganiserToken: ['missing organiser token'],
  invalidOrganiserToken: ['invalid organiser token'],
  facilitatorsOnly: [
    'only facilitators can run the workshop',
    'only facilitators can see or reset the links',
    'only facilitators see who was removed',
    'only facilitators can start a follow-up workshop',
  ],
  linksFromFacilitatorLink: ['the links are derived from the facilitator link: open it to share'],
  alreadyJoined: ['this person has already joined'],
  wallDoesNotJoin: ['the wall screen does not join as a person'],
  joinFirst: [
    'join the workshop first: this is a workshop link',
    'join as a person to vote',
    'join as a person to write',
    'join as a person to answer',
    'join the workshop to raise your hand',
  ],
  noSuchPerson: ['no such person in this workshop'],
  removed: [REMOVED_REJOIN_ERROR],
  cannotRemoveYourself: ['you cannot remove yourself'],
  adwFromEdw: ['an ADW starts from an EDW or cEDW'],
  /** Texts starting 'PDF export is not available' (why follows: no Chromium, …). */
  pdfUnavailable: [],
  recordInvalid: ['the workshop cannot be exported as it is now: its record is invalid'],
  busyTryAgain: [
    'the workshop changed at the same time: try again',
    'many votes at the same time: try again',
  ],
  tooManyRequests: ['too many requests: slow down'],
  voteNotRunning: ['that vote is not running', 'the vote is closed'],
  cardNotInVote: ['that card is not in this vote'],
  noDotsLeft: ['no dots left'],
  noDotToTakeBack: ['no dot on that card to take back'],
  roundNotOpen: ['that private-writing round is not open'],
  notYourDraft: ['that draft is not yours', 'no such draft of yours'],
  timerNotRunning: ['the timer is not running', 'start the timer first'],
  timerNotPaused: ['the timer is not paused'],
  questionnaireNotOpen: ['that questionnaire is not open'],
  questionnaireNotForYou: ['this questionnaire is not for you'],
  noSuchQuestionnaire: ['no such questionnaire'],
  answersHeldUntilReveal: ['answers are saved privately until the reveal'],
  anonymousAnswersFixed: ['anonymous answers cannot be changed'],
  questionAlreadyAnswered: [
    'somebody already answered this question: change its meaning or remove it after the reveal',
  ],
  /** Any other input the server does not take (a validation issue, named in the English text). */
  invalidInput: [
    'invalid vote',
    'invalid command',
    'invalid payload: raised must be true or false',
    'raised must be true or false',
    'request body must be a JSON object',
    'unknown event',
    'request body too large',
    'request body is not valid JSON',
    'invalid request body',
    'the URL is not valid percent-encoding',
    'invalid request',
  ],
  timeout: ['timeout'],
  server: ['server error', 'internal server error'],
} as const satisfies Record<string, readonly string[]>;

export type ServerErrorCode = keyof typeof SERVER_ERRORS;

const BY_TEXT = new Map<string, ServerErrorCode>(
  Object.entries(SERVER_ERRORS).flatMap(([code, texts]) =>
    texts.map((text) => [text, code as ServerErrorCode] as const),
  ),
);

/** The code of a refusal the server sent (texts built with values are read by their start). */
export function serverErrorCode(text: string, status?: number): ServerErrorCode {
  const known = BY_TEXT.get(text);
  if (known) return known;
  if (text.startsWith('only facilitators ')) return 'facilitatorsOnly';
  if (text.startsWith('too many requests')) return 'tooManyRequests';
  if (text.startsWith('PDF export is not available')) return 'pdfUnavailable';
  return status !== undefined && status >= 500 ? 'server' : 'invalidInput';
}

export function isServerErrorCode(value: unknown): value is ServerErrorCode {
  return typeof value === 'string' && Object.hasOwn(SERVER_ERRORS, value);
}
