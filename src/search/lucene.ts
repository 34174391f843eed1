// Characters with a meaning in Lucene's query syntax, and its operator words.
const SPECIAL_CHARACTERS = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const OPERATOR_WORDS = /\b(AND|OR|NOT|TO)\b/g;

/**
 * User text as a Lucene query that matches its words and nothing else: every special character
 * is escaped and operator words are lower-cased (the analyzer lower-cases all words anyway), so
 * `title:(foo AND` searches for "title", "foo" and "and" instead of failing to parse.
 */
export function escapeLucene(text: string): string {
  return text
    .replace(SPECIAL_CHARACTERS, (character) => `\\${character}`)
    .replace(OPERATOR_WORDS, (word) => word.toLowerCase());
}

/** Whether the text holds anything to search for (a letter or a digit). */
export function hasSearchableText(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
