/**
 * Well-known community servers, as MCPB manifests. Commands and packages are the reference
 * servers' documented `npx` invocations (modelcontextprotocol/servers READMEs).
 */
export const communityManifests: Record<string, unknown> = {
  memory: {
    manifest_version: '0.3',
    name: 'memory',
    display_name: 'Memory',
    version: '1.0.0',
    description: 'A knowledge graph your AI client can remember things in, kept on this computer.',
    author: { name: 'Model Context Protocol' },
    server: {
      type: 'node',
      mcp_config: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] },
    },
    _meta: { 'dev.mcptray': { category: 'community', runtimes: ['npx'], auth: { type: 'none' } } },
  },
  filesystem: {
    manifest_version: '0.3',
    name: 'filesystem',
    display_name: 'Files',
    version: '1.0.0',
    description: 'Lets your AI client read and write files in the folders you choose.',
    author: { name: 'Model Context Protocol' },
    server: {
      type: 'node',
      mcp_config: {
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-filesystem', '${user_config.allowed_directories}'],
      },
    },
    user_config: {
      allowed_directories: {
        type: 'directory',
        title: 'Folders',
        description: 'Folders the server may read and write',
        multiple: true,
        required: true,
        default: ['${HOME}/Documents'],
      },
    },
    _meta: { 'dev.mcptray': { category: 'community', runtimes: ['npx'], auth: { type: 'none' } } },
  },
  everything: {
    manifest_version: '0.3',
    name: 'everything',
    display_name: 'Everything (test server)',
    version: '1.0.0',
    description: 'The MCP reference test server: every protocol feature, for trying things out.',
    author: { name: 'Model Context Protocol' },
    server: {
      type: 'node',
      mcp_config: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything', 'stdio'] },
    },
    _meta: { 'dev.mcptray': { category: 'community', runtimes: ['npx'], auth: { type: 'none' } } },
  },
};
