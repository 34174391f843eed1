import { decodeCursor, encodeCursor, pageSize } from './paging';

describe('pageSize', () => {
  it('defaults to 20 and accepts 1..100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
  });

  it('refuses anything else with a BAD_USER_INPUT error naming the limit', () => {
    for (const first of [0, -1, 101, 1.5]) {
      expect(() => pageSize(first)).toThrow(/`first` must be between 1 and 100/);
    }
    try {
      pageSize(1000);
    } catch (error) {
      expect((error as { extensions: { code: string } }).extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('cursors', () => {
  it('round-trip the order, key and id', () => {
    const cursor = { order: 'PUBLISHED_DESC', key: '2022-08-02', id: 'paper-a' };
    expect(decodeCursor(encodeCursor(cursor), 'PUBLISHED_DESC', 'date')).toEqual(cursor);
    const counted = { ...cursor, order: 'PAPER_COUNT_DESC', key: 42 };
    expect(decodeCursor(encodeCursor(counted), 'PAPER_COUNT_DESC', 'integer')).toEqual(counted);
    expect(decodeCursor(null, 'PUBLISHED_DESC', 'date')).toBeNull();
  });

  it('refuses garbage and cursors of another order', () => {
    expect(() => decodeCursor('garbage', 'X', 'text')).toThrow(/not a cursor this API gave out/);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 'X', 'text')).toThrow(/not a cursor/);
    const cursor = encodeCursor({ order: 'TITLE_ASC', key: 'a', id: 'b' });
    expect(() => decodeCursor(cursor, 'PUBLISHED_DESC', 'date')).toThrow(/ordered by TITLE_ASC, not PUBLISHED_DESC/);
  });

  it('refuses a key that does not fit the order: forged dates, numbers for texts, texts for counts', () => {
    const forged = (key: unknown, order = 'PUBLISHED_DESC') =>
      Buffer.from(JSON.stringify([order, key, 'x'])).toString('base64url');
    for (const key of ['not-a-date', '2022-02-30', '2022-13-01', 20220101]) {
      expect(() => decodeCursor(forged(key), 'PUBLISHED_DESC', 'date')).toThrow(/not a cursor/);
    }
    expect(decodeCursor(forged('0001-01-01'), 'PUBLISHED_DESC', 'date')?.key).toBe('0001-01-01');
    expect(decodeCursor(forged('9999-12-31'), 'PUBLISHED_DESC', 'date')?.key).toBe('9999-12-31');
    expect(() => decodeCursor(forged(42, 'TITLE_ASC'), 'TITLE_ASC', 'text')).toThrow(/not a cursor/);
    for (const key of ['12', 1.5]) {
      expect(() => decodeCursor(forged(key, 'PAPER_COUNT_DESC'), 'PAPER_COUNT_DESC', 'integer')).toThrow(
        /not a cursor/,
      );
    }
  });

  it('round-trips a ranking key and refuses one of the wrong shape', () => {
    const ranked = { order: 'RANK', key: [false, -90.2, '2020-04-10', 'LUKE'], id: 'r1' };
    expect(decodeCursor(encodeCursor(ranked), 'RANK', 'ranking')).toEqual(ranked);
    const forged = (key: unknown) => Buffer.from(JSON.stringify(['RANK', key, 'x'])).toString('base64url');
    for (const key of [
      'a',
      1,
      [false, -1, '2020'],
      [0, -1, '2020', 'm'],
      [false, '1', '2020', 'm'],
      [true, 1, 2, 'm'],
    ]) {
      expect(() => decodeCursor(forged(key), 'RANK', 'ranking')).toThrow(/not a cursor/);
    }
  });
});
