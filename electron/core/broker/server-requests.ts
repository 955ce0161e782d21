import type { BrokerSession } from './broker-session';

/**
 * The session that should answer a server's own request (sampling, elicitation, roots): one
 * whose client can, preferring one with a call in flight (most likely the one that caused it),
 * then the most recently active. Undefined when no client can.
 */
export function sessionFor(sessions: readonly BrokerSession[], method: string): BrokerSession | undefined {
  const capable = sessions.filter((session) => supports(session, method));
  const busy = capable.filter((session) => session.inFlight > 0);
  return (busy.length ? busy : capable).sort((a, b) => b.lastActivity - a.lastActivity)[0];
}

function supports(session: BrokerSession, method: string): boolean {
  const caps = session.server.getClientCapabilities() ?? {};
  if (method === 'sampling/createMessage') return Boolean(caps.sampling);
  if (method === 'elicitation/create') return Boolean(caps.elicitation);
  if (method === 'roots/list') return Boolean(caps.roots);
  return false;
}
