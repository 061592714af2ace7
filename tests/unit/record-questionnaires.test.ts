/**
 * Questionnaires in the record (issue 12), from a real Y.Doc: a revealed named self-assessment, a
 * revealed anonymous evaluation and a StressTest never revealed. The record keeps definitions,
 * answers, aggregates, coach notes and each manager's summaries; its JSON Schema describes them;
 * an older record without questionnaires still loads. The anonymous answers' names appear nowhere.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { z } from 'zod';
import { questionnairesMap } from '../../shared/doc/questionnaires';
import { extractRecord } from '../../shared/record/extract';
import { countWords } from '../../shared/questionnaire/wordCount';
import {
  RECORD_SCHEMA_VERSION,
  recordJsonSchema,
  recordQuestionnaires,
  recordSchema,
  type WorkshopRecord,
} from '../../shared/record/schema';
import {
  COACH_NOTE,
  EVALUATION_ID,
  MARTA_ANSWERS,
  REVEALED_AT,
  SECRET_NAMES,
  SELF_ASSESSMENT_ID,
  STRESS_TEST_ID,
  addQuestionnaires,
  questionnaireRecord,
} from '../fixtures/questionnaireWorkshop';
import { FIXTURE_ARCHIVED_AT, buildFixtureWorkshop } from '../fixtures/recordWorkshop';

/** Reached into freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const byId = (record: WorkshopRecord, id: string) =>
  recordQuestionnaires(record).find((q) => q.definition.id === id)!;

describe('questionnaires in the record', () => {
  const record = questionnaireRecord();

  it('is schema version 2 and lists every questionnaire, oldest first', () => {
    expect(record.schemaVersion).toBe(RECORD_SCHEMA_VERSION);
    expect(RECORD_SCHEMA_VERSION).toBe(2);
    expect(recordQuestionnaires(record).map((q) => q.definition.id)).toEqual([
      SELF_ASSESSMENT_ID,
      EVALUATION_ID,
      STRESS_TEST_ID,
    ]);
  });

  it('keeps the named self-assessment: definition, template version, answers, notes, summaries', () => {
    const q = byId(record, SELF_ASSESSMENT_ID);
    expect(q.definition).toMatchObject({
      version: 1,
      anonymous: false,
      basedOn: { id: 'cluster-management-self-assessment', version: 1 },
    });
    expect(q.definition.sections.map((s) => s.id)).toEqual([
      'a-cluster',
      'b-policy',
      'c-management',
      'summaries',
    ]);
    expect(q.status).toBe('revealed');
    expect(q.revealedAt).toBe(new Date(REVEALED_AT).toISOString());
    expect(q.responses.map((r) => [r.respondentId, r.name])).toEqual([
      ['identity-luka', 'Luka Leader'],
      ['identity-marta', 'Marta Manager'],
    ]);
    const marta = q.responses[1]!;
    expect(marta.answers).toEqual(MARTA_ANSWERS);
    // Luka left questions out: they are absent, not empty.
    expect(Object.hasOwn(q.responses[0]!.answers, 'a-players')).toBe(false);
    expect(q.coachNotes).toEqual([{ questionId: 'a-activities', text: COACH_NOTE }]);
    expect(q.aggregate).toMatchObject({ respondents: 2, unfit: 0 });

    const [luka, martaSummary] = q.selfAssessment!;
    const keyIssues = (MARTA_ANSWERS['key-issues'] as { value: string }).value;
    expect(martaSummary).toMatchObject({
      respondentId: 'identity-marta',
      name: 'Marta Manager',
      sumUps: {
        A: { questionId: 'a-sum-up', text: '- a mature cluster around ropewayology' },
        B: { questionId: 'b-sum-up' },
        C: { questionId: 'c-sum-up' },
      },
      keyIssues: { text: keyIssues, words: countWords(keyIssues), wordTarget: 500 },
    });
    expect(luka).toMatchObject({
      sumUps: { A: { text: null }, C: { text: null } },
      solutions: { text: null, words: 0 },
    });
  });

  it('names a manager only with their consent to appear by name in the record', () => {
    const q = byId(questionnaireRecord({ marta: true, luka: false }), SELF_ASSESSMENT_ID);
    expect(q.responses.map((r) => [r.respondentId, r.name])).toEqual([
      ['identity-luka', undefined],
      ['identity-marta', 'Marta Manager'],
    ]);
    // His answers stay, without his name, in the summaries too.
    expect(Object.keys(q.responses[0]!.answers).length).toBeGreaterThan(0);
    expect(JSON.stringify(q)).not.toContain('Luka Leader');
  });

  it('keeps the anonymous evaluation without a name or a respondent id that could identify', () => {
    const q = byId(record, EVALUATION_ID);
    expect(q.definition.anonymous).toBe(true);
    expect(q.responses.map((r) => r.respondentId)).toEqual(['respondent-1', 'respondent-2']);
    expect(q.responses.every((r) => r.name === undefined)).toBe(true);
    expect(q.selfAssessment).toBeNull();
    const likert = q.aggregate!.questions.find((x) => x.questionId === 'usefulness-overall');
    expect(likert).toEqual({
      questionId: 'usefulness-overall',
      type: 'likert',
      n: 2,
      distribution: [0, 0, 0, 1, 1],
      mean: 4.5,
    });
    const json = JSON.stringify(record);
    for (const secret of [...SECRET_NAMES, 'r-x7f3', 'r-q9k1']) expect(json).not.toContain(secret);
  });

  it('says a questionnaire was not revealed instead of inventing answers or results', () => {
    expect(byId(record, STRESS_TEST_ID)).toMatchObject({
      status: 'not-revealed',
      revealedAt: null,
      responses: [],
      aggregate: null,
      coachNotes: [],
      selfAssessment: null,
    });
  });

  it('still loads a version-1 record, which has no questionnaires', () => {
    const old = structuredClone(record) as Loose;
    old.schemaVersion = 1;
    delete old.questionnaires;
    const parsed = recordSchema.parse(old);
    expect(recordQuestionnaires(parsed)).toEqual([]);
    expect(recordSchema.safeParse({ ...old, schemaVersion: 3 }).success).toBe(false);
  });

  it('refuses a malformed questionnaire', () => {
    const refusal = (change: (r: Loose) => void) => {
      const copy = structuredClone(record) as Loose;
      change(copy);
      const result = recordSchema.safeParse(copy);
      return result.success ? null : result.error.issues[0]!.path.join('.');
    };
    expect(refusal((r) => (r.questionnaires[0].status = 'maybe'))).toBe('questionnaires.0.status');
    expect(
      refusal((r) => (r.questionnaires[1].responses[0].answers['usefulness-overall'].value = 9)),
    ).toMatch(/^questionnaires\.1\.responses\.0\.answers/);
    expect(refusal((r) => delete r.questionnaires[0].definition.version)).toBe(
      'questionnaires.0.definition.version',
    );
  });
});

describe('a hostile questionnaires root', () => {
  it('gives a valid record: junk is left out, what cannot be computed is null', () => {
    const { doc, control, people, workshop } = buildFixtureWorkshop();
    addQuestionnaires(doc, { marta: 'identity-marta', luka: 'identity-luka' });
    const root = questionnairesMap(doc);
    doc.transact(() => {
      root.set('junk', 'not a map' as never);
      const broken = new Y.Map<unknown>();
      broken.set('definition', { id: 'broken' });
      root.set('broken', broken as never);
      const evaluation = root.get(EVALUATION_ID)!;
      evaluation.set('revealedAt', 'yesterday');
      evaluation.set('notes', 'not a map');
      const answers = evaluation.get('answers') as Y.Map<unknown>;
      const peer = new Y.Map<unknown>();
      answers.set('peer', peer);
      peer.set('bad key!', { type: 'likert', value: 3 });
      peer.set('usefulness-overall', { type: 'likert', value: 42 });
      peer.set('change-what', { type: 'long-text', value: 'peerwrote this' });
      // Answers in the doc of a questionnaire never marked revealed: visible, so revealed.
      const stress = root.get(STRESS_TEST_ID)!;
      const stressAnswers = stress.get('answers') as Y.Map<unknown>;
      for (const id of ['a', 'b']) {
        const one = new Y.Map<unknown>();
        stressAnswers.set(id, one);
        one.set('portfolio-count', { type: 'number', value: 1e308 });
      }
    });
    const record = extractRecord(doc, control, people, {
      version: 1,
      kind: 'archive',
      archivedAt: FIXTURE_ARCHIVED_AT,
      workshop,
    });
    expect(recordSchema.safeParse(record).success).toBe(true);
    expect(recordQuestionnaires(record)).toHaveLength(3);
    const evaluation = byId(record, EVALUATION_ID);
    expect(evaluation.revealedAt).toBeNull();
    expect(evaluation.coachNotes).toEqual([]);
    expect(JSON.stringify(evaluation.responses)).not.toContain('bad key!');
    // A likert 42 is not an answer at all (skipped); the peer's text answer is kept, unnamed.
    expect(evaluation.responses).toHaveLength(3);
    expect(evaluation.responses.every((r) => r.name === undefined)).toBe(true);
    const stress = byId(record, STRESS_TEST_ID);
    expect(stress).toMatchObject({ status: 'revealed', revealedAt: null });
    expect(stress.aggregate!.questions.find((q) => q.questionId === 'portfolio-count')).toEqual({
      questionId: 'portfolio-count',
      type: 'number',
      n: 2,
      min: 1e308,
      max: 1e308,
      mean: null,
      median: null,
    });
  });
});

describe('the record’s JSON Schema', () => {
  const schema = recordJsonSchema() as {
    required: string[];
    properties: Record<string, Loose>;
  };
  // The JSON Schema read back as a validator: what it accepts is what the JSON Schema says.
  const validator = z.fromJSONSchema(schema as never);
  const record = questionnaireRecord();

  it('describes the questionnaires (optional: version-1 records have none)', () => {
    expect(schema.properties.schemaVersion).toMatchObject({ enum: [1, 2] });
    expect(schema.required).not.toContain('questionnaires');
    const item = schema.properties.questionnaires.items;
    expect(item.required).toEqual([
      'definition',
      'status',
      'revealedAt',
      'responses',
      'aggregate',
      'coachNotes',
      'selfAssessment',
    ]);
  });

  it('validates a record with questionnaires, and refuses a broken answer', () => {
    const json = JSON.parse(JSON.stringify(record));
    expect(validator.safeParse(json).success).toBe(true);
    json.questionnaires[1].responses[0].answers['usefulness-overall'] = {
      type: 'likert',
      value: 9,
    };
    expect(validator.safeParse(json).success).toBe(false);
  });
});
