import { Icon } from './icon';

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="load-state" role="status" data-testid="loading-state">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

interface ErrorStateProps {
  title: string;
  message: string;
  onRetry: () => void;
}

export function ErrorState({ title, message, onRetry }: ErrorStateProps) {
  return (
    <div className="load-state load-state--error" role="alert" data-testid="error-state">
      <Icon name="octagon" className="load-state__icon" />
      <div className="load-state__text">
        <p className="load-state__title">{title}</p>
        <p className="load-state__message">{message}</p>
      </div>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
