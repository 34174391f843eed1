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
    expect(decodeCursor(encodeCursor(cursor), 'PUBLISHED_DESC')).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, key: 42 }), 'PUBLISHED_DESC')).toEqual({ ...cursor, key: 42 });
    expect(decodeCursor(null, 'PUBLISHED_DESC')).toBeNull();
  });

  it('refuses garbage and cursors of another order', () => {
    expect(() => decodeCursor('garbage', 'X')).toThrow(/not a cursor this API gave out/);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 'X')).toThrow(/not a cursor/);
    const cursor = encodeCursor({ order: 'TITLE_ASC', key: 'a', id: 'b' });
    expect(() => decodeCursor(cursor, 'PUBLISHED_DESC')).toThrow(/ordered by TITLE_ASC, not PUBLISHED_DESC/);
  });
});
