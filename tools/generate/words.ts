/** Words for titles, abstracts and descriptions. LaTeX and non-ASCII symbols are deliberate. */
import vocabulary from './vocabulary/words.json';

export const {
  adjectives: ADJECTIVES,
  nouns: NOUNS,
  verbs: VERBS,
  topics: TOPICS,
  symbols: SYMBOLS,
  unicodeSnippets: UNICODE_SNIPPETS,
  sentences: SENTENCES,
  descriptionSentences: DESCRIPTION_SENTENCES,
} = vocabulary;
