import type { RegistryField } from '../../shared/registry-contract';
import type { KeyValueInput, RegistryArgument, RegistryInput } from './registry-schema';

/** Where a field's value goes: one of the entry's inputs, or a `{variable}` inside one. */
export interface FieldSource {
  field: RegistryField;
  input: RegistryInput;
}

const VARIABLE = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** `--api-key` → `api-key`: what `--config K=V` uses for a named argument. */
const flagKey = (name: string): string => name.replace(/^-+/, '');

/**
 * The fields a user fills in for a package or remote: every input without a fixed `value`,
 * and every `{variable}` a fixed value uses. Keys are unique within one option (a clash gets
 * `-2`), and stable across versions so an update can carry the saved values over.
 */
export class FieldSet {
  readonly sources = new Map<string, FieldSource>();
  private readonly byInput = new Map<object, string>();

  /** Adds an argument (positional or named); returns its key, or null for a fixed value. */
  argument(arg: RegistryArgument, index: number): string | null {
    if (arg.value !== undefined) {
      this.variables(arg);
      return null;
    }
    const key = arg.type === 'named' ? flagKey(arg.name) : (arg.valueHint ?? `arg${index + 1}`);
    const label = arg.type === 'named' ? arg.name : (arg.valueHint ?? `Argument ${index + 1}`);
    return this.add(arg, key, arg.type, label);
  }

  /** Adds an environment variable or header; returns its key, or null for a fixed value. */
  keyValue(input: KeyValueInput, kind: 'env' | 'header'): string | null {
    if (input.value !== undefined) {
      this.variables(input);
      return null;
    }
    return this.add(input, input.name, kind, input.name);
  }

  /** Adds the `{variables}` a remote's URL uses. */
  urlVariables(url: string, variables: Record<string, RegistryInput> | undefined): void {
    for (const name of variablesIn(url)) {
      const input = variables?.[name];
      if (input) this.add(input, name, 'variable', name);
    }
  }

  /** The key given to an input (or variable input) added earlier. */
  keyOf(input: object): string | undefined {
    return this.byInput.get(input);
  }

  list(): RegistryField[] {
    return [...this.sources.values()].map((s) => s.field);
  }

  private variables(input: RegistryInput & { variables?: Record<string, RegistryInput> | undefined }): void {
    for (const name of variablesIn(input.value ?? '')) {
      const variable = input.variables?.[name];
      if (variable) this.add(variable, name, 'variable', name);
    }
  }

  private add(input: RegistryInput, wanted: string, kind: RegistryField['kind'], label: string): string {
    const existing = this.byInput.get(input);
    if (existing) return existing;
    let key = wanted;
    for (let n = 2; this.sources.has(key); n++) key = `${wanted}-${n}`;
    const field: RegistryField = {
      key,
      kind,
      label,
      description: (input.description ?? '').slice(0, 500),
      required: input.isRequired === true,
      secret: input.isSecret === true,
      default: input.default ?? null,
      choices: input.choices ?? [],
      format: input.format ?? 'string',
      placeholder: input.placeholder ?? null,
      repeated: 'isRepeated' in input && input.isRepeated === true,
    };
    this.sources.set(key, { field, input });
    this.byInput.set(input, key);
    return key;
  }
}

/** Names used as `{name}` in a template. */
function variablesIn(template: string): string[] {
  return [...template.matchAll(VARIABLE)].map((m) => m[1]!);
}

/**
 * Fills `{name}` from `lookup`; names it does not know stay as they are (the spec's rule).
 * `secret` tells whether a secret variable went in.
 */
export function fillTemplate(
  template: string,
  lookup: (name: string) => { value: string; secret: boolean } | undefined,
): { text: string; secret: boolean } {
  let secret = false;
  const text = template.replace(VARIABLE, (whole, name: string) => {
    const found = lookup(name);
    if (!found) return whole;
    secret ||= found.secret;
    return found.value;
  });
  return { text, secret };
}
