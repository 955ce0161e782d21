import { UserInputError } from '../../shared/tool-result';
import type { GmailApi, Label } from './gmail-api';

/** System label ids (`INBOX`, `CATEGORY_UPDATES`) read well as they are; user ones (`Label_12`) do not. */
const SYSTEM_ID = /^[A-Z_]+$/;

/** A label with its id resolved. */
export interface LabelRef {
  id: string;
  name: string;
}

/**
 * The account's labels for one tool call, fetched at most once and only when needed: to turn
 * names into ids, and user label ids into names.
 */
export class LabelDirectory {
  private list: Promise<Label[]> | null = null;

  constructor(private readonly api: GmailApi) {}

  all(): Promise<Label[]> {
    this.list ??= this.api.listLabels();
    return this.list;
  }

  /** Label names for `ids`, fetching the list only when a user label is among them. */
  async names(ids: Array<string | null | undefined> | null | undefined): Promise<string[]> {
    const wanted = (ids ?? []).filter((id): id is string => !!id);
    if (wanted.every((id) => SYSTEM_ID.test(id)) && !this.list) return wanted;
    const byId = new Map((await this.all()).map((l) => [l.id, l.name]));
    return wanted.map((id) => byId.get(id) ?? id);
  }

  /** Ids for label ids or names (names case-insensitively); unknown ones are an input error. */
  async resolve(values: string[]): Promise<LabelRef[]> {
    if (!values.length) return [];
    const labels = await this.all();
    const unknown: string[] = [];
    const refs = values.flatMap((value) => {
      const wanted = value.trim();
      const found =
        labels.find((l) => l.id === wanted) ??
        labels.find((l) => l.name?.toLowerCase() === wanted.toLowerCase());
      if (!found?.id) {
        unknown.push(value);
        return [];
      }
      return [{ id: found.id, name: found.name ?? found.id }];
    });
    if (unknown.length) {
      throw new UserInputError(
        `No label called ${unknown.map((u) => `"${u}"`).join(', ')} in this account; list_labels shows the names.`,
      );
    }
    return refs;
  }
}
