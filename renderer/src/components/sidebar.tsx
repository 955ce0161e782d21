import type { Route } from '../routing/routes';
import { ROUTES, ROUTE_LABELS, routeHref } from '../routing/routes';
import { ConnectionIndicator } from './connection-indicator';
import { Icon } from './icon';

interface SidebarProps {
  current: Route;
  /** On a page inside the current section (an instance's detail): its link is the section, not the page. */
  nested?: boolean;
}

export function Sidebar({ current, nested = false }: SidebarProps) {
  return (
    <div className="sidebar">
      <p className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true" />
        <span className="sidebar__label">MCP Tray</span>
      </p>
      <nav className="sidebar__nav" aria-label="Main">
        <ul className="nav-list">
          {ROUTES.map((route) => (
            <li key={route}>
              <a
                className="nav-link"
                href={routeHref(route)}
                aria-current={route === current ? (nested ? 'true' : 'page') : undefined}
                title={ROUTE_LABELS[route]}
              >
                <Icon name={route} />
                <span className="sidebar__label">{ROUTE_LABELS[route]}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ConnectionIndicator />
    </div>
  );
}
