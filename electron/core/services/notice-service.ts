import type { AppNotice } from '../../shared/contract';
import type { EventBus } from '../event-bus';

/** App-wide notices the user should see (recovered settings, missing keychain…). */
export class NoticeService {
  private notices: AppNotice[] = [];

  constructor(private readonly bus: EventBus) {}

  list(): AppNotice[] {
    return [...this.notices];
  }

  /** Adds or replaces a notice by id. */
  post(notice: AppNotice): void {
    this.notices = [...this.notices.filter((n) => n.id !== notice.id), notice];
    this.bus.emit('noticesChanged', { notices: this.list() });
  }

  dismiss(id: string): void {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.bus.emit('noticesChanged', { notices: this.list() });
  }
}
