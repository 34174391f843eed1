import { readPaperRecord } from './paper-record';
import { slugify } from '../model/slug';
import { TaskIds } from './task-ids';
import { calendarDate, lastPathSegment } from '../model/values';

describe('slugify', () => {
  it('makes Papers With Code style ids, keeping letters of every script', () => {
    expect(slugify('Text-to-Image Generation')).toBe('text-to-image-generation');
    expect(slugify('  Björn Ommer ')).toBe('bjorn-ommer');
    expect(slugify('Amit H. Bermano')).toBe('amit-h-bermano');
    expect(slugify('王小明')).toBe('王小明');
    expect(slugify('Łukasz Kaiser')).toBe(slugify('Lukasz Kaiser'));
    expect(slugify('Søren Hauberg')).toBe('soren-hauberg');
  });
});

describe('calendarDate', () => {
  const today = new Date('2026-01-01T00:00:00Z');
  it('keeps real dates and drops impossible or future ones', () => {
    expect(calendarDate('2022-08-02', today)).toBe('2022-08-02');
    expect(calendarDate('2222-01-01', today)).toBeNull();
    expect(calendarDate('2021-02-30', today)).toBeNull();
    expect(calendarDate('', today)).toBeNull();
    expect(calendarDate(null, today)).toBeNull();
  });
});

describe('lastPathSegment', () => {
  it('takes the id from a Papers With Code URL', () => {
    expect(lastPathSegment('https://paperswithcode.com/paper/attention-is-all-you-need/')).toBe(
      'attention-is-all-you-need',
    );
    expect(lastPathSegment('')).toBeNull();
  });
});

describe('readPaperRecord', () => {
  it('normalises a record: ordered, de-duplicated authors; "" as null; CRLF in abstracts', () => {
    const outcome = readPaperRecord({
      paper_url: 'https://paperswithcode.com/paper/x',
      title: ' X ',
      abstract: 'line one\r\nline two',
      arxiv_id: '',
      authors: ['B Two', 'A One', 'B Two', ''],
      tasks: ['T', 'T', null],
      date: '2222-01-01',
    });
    expect(outcome).toEqual({
      row: expect.objectContaining({
        id: 'x',
        title: 'X',
        abstract: 'line one\nline two',
        arxivId: null,
        publishedAt: null,
        authors: [
          { authorId: 'b-two', name: 'B Two', position: 0 },
          { authorId: 'a-one', name: 'A One', position: 1 },
        ],
        taskNames: ['T'],
      }),
      repaired: ['impossible date dropped'],
    });
  });

  it('skips placeholder papers and records without a paper_url', () => {
    expect(readPaperRecord({ paper_url: 'https://paperswithcode.com/paper/000000000', title: null })).toEqual({
      skipped: 'placeholder paper without a title',
    });
    expect(readPaperRecord({ title: 'T' })).toEqual({ skipped: 'no paper_url' });
  });
});

describe('TaskIds', () => {
  it('keeps known ids and suffixes colliding slugs in order of arrival', () => {
    const ids = new TaskIds([{ name: 'Image Generation', id: 'image-generation' }]);
    expect(ids.idFor('Image Generation')).toBe('image-generation');
    expect(ids.idFor('Text-to-Image Generation')).toBe('text-to-image-generation');
    expect(ids.idFor('Text to Image Generation')).toBe('text-to-image-generation-1');
    expect(ids.idFor('Text to image generation')).toBe('text-to-image-generation-2');
    expect(ids.idFor('Text to Image Generation')).toBe('text-to-image-generation-1');
  });
});
