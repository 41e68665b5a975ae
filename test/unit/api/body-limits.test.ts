import { jsonShapeProblem } from '../../../src/api/common/body-limits';

const limits = { maxDepth: 3, maxMembers: 5 };

describe('jsonShapeProblem', () => {
  it('lets scalars and bodies within the limits through', () => {
    for (const value of [undefined, null, 1, 'x', true, {}, [], { a: { b: { c: 1 } } }, [1, [2, [3]]]])
      expect(jsonShapeProblem(value, limits)).toBeNull();
    expect(jsonShapeProblem({ a: 1, b: 2, c: { d: 3, e: 4 } }, limits)).toBeNull();
  });

  it('counts objects and arrays alike for depth', () => {
    expect(jsonShapeProblem({ a: { b: { c: {} } } }, limits)).toBe('depth');
    expect(jsonShapeProblem([[[[]]]], limits)).toBe('depth');
    expect(jsonShapeProblem({ a: [{ b: [] }] }, limits)).toBe('depth');
  });

  it('counts keys and items over every level', () => {
    expect(jsonShapeProblem({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, limits)).toBe('members');
    expect(jsonShapeProblem([1, 2, 3, [4, 5]], limits)).toBe('members');
  });

  it('survives nesting far deeper than the call stack, with the default limits', () => {
    const levels = 200_000;
    const deep = JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`);
    expect(jsonShapeProblem(deep)).toBe('depth');
    const wide = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [String(i), i]));
    expect(jsonShapeProblem(wide)).toBe('members');
    expect(jsonShapeProblem({ ...wide, 1000: undefined, k: 1 })).toBe('members');
  });

  it('refuses a NUL character in any text or key, which the databases would refuse much later', () => {
    expect(jsonShapeProblem({ username: 'adm\u0000in' }, limits)).toBe('nul');
    expect(jsonShapeProblem({ a: ['x', 'y\u0000'] }, limits)).toBe('nul');
    expect(jsonShapeProblem({ 'k\u0000': 1 }, limits)).toBe('nul');
    expect(jsonShapeProblem('\u0000', limits)).toBe('nul');
    expect(jsonShapeProblem({ text: 'baris\nbaris \u00e9' }, limits)).toBeNull();
  });
});
