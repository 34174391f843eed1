// The offline explorer: GraphiQL, served with every asset by this server, over /graphql.
// The tabs are the queries of schema/examples.graphql (fetched from /explorer/examples.json).
/* global React, ReactDOM, GraphiQL, document, fetch, localStorage */

// GraphiQL keeps its history in localStorage, headers included even when it is told not to
// persist them; this storage drops the headers (tokens) of every history entry it saves.
const HISTORY_KEYS = new Set(['graphiql:queries', 'graphiql:favorites']);
function withoutHeaders(value) {
  try {
    const history = JSON.parse(value);
    for (const entry of history.queries ?? []) delete entry.headers;
    return JSON.stringify(history);
  } catch {
    return value;
  }
}
const storage = {
  getItem: (key) => localStorage.getItem(key),
  setItem: (key, value) => localStorage.setItem(key, HISTORY_KEYS.has(key) ? withoutHeaders(value) : value),
  removeItem: (key) => localStorage.removeItem(key),
  clear: () => localStorage.clear(),
  get length() {
    return localStorage.length;
  },
};

(async () => {
  const examples = await (await fetch('/explorer/examples.json')).json();
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const root = ReactDOM.createRoot(document.getElementById('explorer'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher,
      storage,
      defaultTabs: examples.map((example) => ({ query: example.text })),
      // Tokens are never stored in the browser: paste yours into Headers for each session.
      shouldPersistHeaders: false,
      isHeadersEditorEnabled: true,
      defaultHeaders: '{}',
      defaultEditorToolsVisibility: 'headers',
    }),
  );
})();
