import type { ReactNode } from 'react';
import type { IconName } from './icon';
import { Icon } from './icon';

type BannerLevel = 'info' | 'warning' | 'error';

const ICONS: Record<BannerLevel, IconName> = { info: 'info', warning: 'triangle', error: 'octagon' };
// Spoken before the message so the level is not conveyed by colour and icon alone.
const PREFIX: Record<BannerLevel, string> = { info: 'Note:', warning: 'Warning:', error: 'Error:' };

interface BannerProps {
  level: BannerLevel;
  icon?: IconName;
  testId?: string;
  children: ReactNode;
}

export function Banner({ level, icon = ICONS[level], testId, children }: BannerProps) {
  return (
    <div
      className={`banner banner--${level}`}
      role={level === 'error' ? 'alert' : 'status'}
      data-level={level}
      data-testid={testId}
    >
      <Icon name={icon} className="banner__icon" />
      <div className="banner__text">
        <span className="visually-hidden">{PREFIX[level]} </span>
        {children}
      </div>
    </div>
  );
}
