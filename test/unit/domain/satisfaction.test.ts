import {
  checkCanRate,
  gradeOf,
  normaliseRatingComment,
  RATING_MESSAGES,
  SATISFACTION_LABELS,
  summariseSatisfaction,
} from '../../../src/domain/satisfaction';

describe('satisfaction (IKM scale, PermenPANRB 14/2017)', () => {
  it('names the four scores as the IKM surveys do', () => {
    expect(SATISFACTION_LABELS).toEqual({ 1: 'Tidak baik', 2: 'Kurang baik', 3: 'Baik', 4: 'Sangat baik' });
  });

  it('may rate once the response is given, once; not a rejected or unanswered complaint', () => {
    expect(checkCanRate('RESOLVED', false)).toBeNull();
    expect(checkCanRate('RESOLVED', true)).toEqual({
      type: 'CONFLICT',
      message: RATING_MESSAGES.alreadyRated,
    });
    expect(checkCanRate('REJECTED', false)).toEqual({ type: 'RULE', message: RATING_MESSAGES.rejected });
    for (const status of ['RECEIVED', 'IN_PROGRESS', 'AWAITING_DECISION', 'AWAITING_RESPONSE'])
      expect(checkCanRate(status, false)).toEqual({ type: 'RULE', message: RATING_MESSAGES.notYetAnswered });
  });

  it('keeps a comment trimmed, none as null, and refuses one of spaces only', () => {
    expect(normaliseRatingComment(undefined)).toBeNull();
    expect(normaliseRatingComment(null)).toBeNull();
    expect(normaliseRatingComment('')).toBeNull();
    expect(normaliseRatingComment('  Cepat dan jelas.\n')).toBe('Cepat dan jelas.');
    expect(normaliseRatingComment(' \n\t ')).toEqual({ type: 'RULE', message: RATING_MESSAGES.blankComment });
  });

  it('counts, averages, distributes and converts to the index (average x 25) with its grade', () => {
    const summary = summariseSatisfaction([
      { score: 4, count: 2 },
      { score: 3, count: 1 },
      { score: 1, count: 1 },
    ]);
    expect(summary).toEqual({
      count: 4,
      average: 3,
      distribution: [
        { score: 1, label: 'Tidak baik', count: 1 },
        { score: 2, label: 'Kurang baik', count: 0 },
        { score: 3, label: 'Baik', count: 1 },
        { score: 4, label: 'Sangat baik', count: 2 },
      ],
      index: 75,
      grade: 'C',
    });
  });

  it('adds rows of the same score (one per unit or month) and ignores scores outside 1-4', () => {
    expect(
      summariseSatisfaction([
        { score: 3, count: 2 },
        { score: 3, count: '1' as unknown as number },
        { score: 5, count: 9 },
        { score: 4, count: 0 },
      ]),
    ).toMatchObject({ count: 3, average: 3, index: 75 });
    expect(summariseSatisfaction({ 4: 2, 3: 1 })).toMatchObject({ count: 3, average: 3.67, index: 91.67 });
  });

  it('has no average, index or grade without ratings', () => {
    const empty = summariseSatisfaction([]);
    expect(empty).toMatchObject({ count: 0, average: null, index: null, grade: null });
    expect(empty.distribution.map((d) => d.count)).toEqual([0, 0, 0, 0]);
  });

  it("grades by the regulation's converted intervals", () => {
    expect([25, 64.99, 65, 76.6, 76.61, 88.3, 88.31, 100].map(gradeOf)).toEqual([
      'D',
      'D',
      'C',
      'C',
      'B',
      'B',
      'A',
      'A',
    ]);
  });
});
