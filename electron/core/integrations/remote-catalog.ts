import type { ClientSetup, ManualToken } from '../../shared/contract';

/** A well-known remote MCP server: added by URL, signed in with the MCP authorization spec. */
export interface RemoteServerEntry {
  id: string;
  name: string;
  description: string;
  url: string;
  /** The provider's own page about its MCP server. */
  docs: string;
  author: string;
  /** A small SVG (a monogram in the brand's colour, not the provider's logo). */
  svg: string;
  /** The provider offers no dynamic client registration: the user registers their own client. */
  ownClient?: Omit<ClientSetup, 'redirectUri'>;
  /** The provider accepts a token the user creates instead of a sign-in. */
  manualToken?: ManualToken;
}

const monogram = (letter: string, background: string, foreground = '#ffffff'): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" ` +
  `fill="${background}"/><text x="32" y="44" font-family="Helvetica,Arial,sans-serif" font-size="34" ` +
  `font-weight="700" text-anchor="middle" fill="${foreground}">${letter}</text></svg>`;

/**
 * Remote servers whose address was checked against the provider's own documentation (with the
 * project's search tool; the pages are cited per entry). Servers that need a per-user address
 * (Zapier, Databricks…) are not listed: add them with `mcp-tray add <id> --url`.
 */
export const REMOTE_SERVERS: readonly RemoteServerEntry[] = [
  {
    // https://linear.app/docs/mcp: "HTTP: https://mcp.linear.app/mcp" (SSE at /sse), OAuth 2.1
    // with dynamic client registration.
    id: 'linear',
    name: 'Linear',
    description: 'Find, create and update issues, projects and comments in Linear.',
    url: 'https://mcp.linear.app/mcp',
    docs: 'https://linear.app/docs/mcp',
    author: 'Linear',
    svg: monogram('L', '#5e6ad2'),
  },
  {
    // https://developers.notion.com/docs/mcp: the hosted Notion MCP server at
    // https://mcp.notion.com/mcp, standard OAuth with dynamic client registration.
    id: 'notion-remote',
    name: 'Notion (hosted)',
    description: "Search, read and update your Notion workspace through Notion's hosted server.",
    url: 'https://mcp.notion.com/mcp',
    docs: 'https://developers.notion.com/docs/mcp',
    author: 'Notion',
    svg: monogram('N', '#000000'),
  },
  {
    // https://docs.sentry.io/product/sentry-mcp/ and github.com/getsentry/sentry-mcp (the remote
    // service at mcp.sentry.dev, MCP endpoint /mcp).
    id: 'sentry',
    name: 'Sentry',
    description: 'Look into errors, issues and traces in Sentry while you code.',
    url: 'https://mcp.sentry.dev/mcp',
    docs: 'https://docs.sentry.io/product/sentry-mcp/',
    author: 'Sentry',
    svg: monogram('S', '#362d59'),
  },
  {
    // github.com/atlassian/atlassian-mcp-server README: "New setups should use
    // https://mcp.atlassian.com/v2/mcp"; OAuth 2.1 or API token.
    id: 'atlassian',
    name: 'Atlassian (Jira, Confluence)',
    description: 'Search and update Jira work items and Confluence pages.',
    url: 'https://mcp.atlassian.com/v2/mcp',
    docs: 'https://support.atlassian.com/atlassian-rovo-mcp-server/docs/getting-started-with-the-atlassian-remote-mcp-server/',
    author: 'Atlassian',
    svg: monogram('A', '#0052cc'),
  },
  {
    // https://developers.asana.com/docs/integrating-with-asanas-mcp-server: the V2 server is
    // generally available at https://mcp.asana.com/v2/mcp (the V1 /sse beta is deprecated) and
    // takes a pre-registered "MCP app" from the developer console (no dynamic registration).
    id: 'asana',
    name: 'Asana',
    description: 'Work with Asana tasks, projects and goals.',
    url: 'https://mcp.asana.com/v2/mcp',
    docs: 'https://developers.asana.com/docs/integrating-with-asanas-mcp-server',
    author: 'Asana',
    svg: monogram('A', '#f06a6a'),
    ownClient: {
      title: 'an Asana MCP app',
      url: 'https://app.asana.com/0/my-apps',
      steps: [
        'Open the Asana developer console and choose "Create new app".',
        'Pick "MCP app" as the app type.',
        'Under OAuth, add the redirect URL shown here.',
        'Copy the client ID and client secret into MCP Tray.',
      ],
      needsSecret: true,
    },
  },
  {
    // github.com/cloudflare/mcp-server-cloudflare README: the recommended Code Mode server
    // "https://mcp.cloudflare.com/mcp" (broad access to Cloudflare's APIs).
    id: 'cloudflare',
    name: 'Cloudflare',
    description: "Read and change your Cloudflare account's configuration through Cloudflare's API.",
    url: 'https://mcp.cloudflare.com/mcp',
    docs: 'https://developers.cloudflare.com/agents/model-context-protocol/mcp-servers-for-cloudflare/',
    author: 'Cloudflare',
    svg: monogram('C', '#f38020'),
  },
  {
    // Same README: Documentation server "https://docs.mcp.cloudflare.com/mcp".
    id: 'cloudflare-docs',
    name: 'Cloudflare Docs',
    description: "Up-to-date reference answers from Cloudflare's documentation.",
    url: 'https://docs.mcp.cloudflare.com/mcp',
    docs: 'https://developers.cloudflare.com/agents/model-context-protocol/mcp-servers-for-cloudflare/',
    author: 'Cloudflare',
    svg: monogram('D', '#f38020'),
  },
  {
    // https://docs.stripe.com/mcp: Stripe's remote server at https://mcp.stripe.com (OAuth).
    id: 'stripe',
    name: 'Stripe',
    description: 'Customers, payments, subscriptions and invoices in Stripe, plus its docs.',
    url: 'https://mcp.stripe.com',
    docs: 'https://docs.stripe.com/mcp',
    author: 'Stripe',
    svg: monogram('S', '#635bff'),
  },
  {
    // github.com/github/github-mcp-server README, "Remote GitHub MCP Server":
    // https://api.githubcopilot.com/mcp/; OAuth needs an app the host registers, "any host …
    // should support the remote GitHub server with PAT authentication".
    id: 'github-remote',
    name: 'GitHub (hosted)',
    description: "Repositories, issues and pull requests through GitHub's hosted MCP server.",
    url: 'https://api.githubcopilot.com/mcp/',
    docs: 'https://github.com/github/github-mcp-server#remote-github-mcp-server',
    author: 'GitHub',
    svg: monogram('G', '#24292f'),
    manualToken: {
      label: 'GitHub personal access token',
      help: 'Create a fine-grained token with access to the repositories you want, then paste it here.',
      url: 'https://github.com/settings/personal-access-tokens/new',
    },
  },
];

/** The remote catalog entry with this id, if any. */
export function remoteServer(id: string): RemoteServerEntry | undefined {
  return REMOTE_SERVERS.find((entry) => entry.id === id);
}

/** The SVG as a `data:` URL for the catalog. */
export function remoteIcon(entry: RemoteServerEntry): string {
  return `data:image/svg+xml;base64,${Buffer.from(entry.svg, 'utf8').toString('base64')}`;
}
