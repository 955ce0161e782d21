import type { ReactNode } from 'react';
import type { IconName } from './icon';
import { Icon } from './icon';

interface EmptyStateProps {
  icon: IconName;
  title: string;
  children: ReactNode;
  testId?: string;
}

export function EmptyState({ icon, title, children, testId }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <Icon name={icon} className="empty-state__icon" />
      <h2 className="empty-state__title">{title}</h2>
      <div className="empty-state__body">{children}</div>
    </div>
  );
}
