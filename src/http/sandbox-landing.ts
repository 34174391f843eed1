import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';

const OFFLINE_SENTENCE = 'it appears that you might be offline.</p>';
const EXPLORER_LINK = '<p>The offline explorer needs no internet: <a href="/explorer">open /explorer</a>.</p>';

/**
 * Apollo Sandbox's landing page at GET /graphql (it loads Sandbox from Apollo's CDN), with a link
 * to the offline explorer where the page says Sandbox cannot be loaded.
 */
export function sandboxLandingPage(): ApolloServerPlugin {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false });
  return {
    async serverWillStart(service) {
      const listener = await sandbox.serverWillStart?.(service);
      if (!listener?.renderLandingPage) return listener;
      return {
        ...listener,
        async renderLandingPage() {
          const page = await listener.renderLandingPage!();
          const html = typeof page.html === 'string' ? page.html : await page.html();
          const linked = html.includes(OFFLINE_SENTENCE)
            ? html.replace(OFFLINE_SENTENCE, `${OFFLINE_SENTENCE}\n  ${EXPLORER_LINK}`)
            : html.replace('<body>', `<body>\n    ${EXPLORER_LINK}`);
          return { html: linked };
        },
      };
    },
  };
}
