import { useId } from 'react';
import type { RegistryOption } from '../../../../electron/shared/contract';
import { OPTION_LABELS, installable } from './registry-fields';

interface OptionChooserProps {
  options: readonly RegistryOption[];
  chosen: number;
  onChoose: (index: number) => void;
}

/** Why an option cannot be chosen, in the core's words: a missing runtime, or a problem. */
const blocker = (option: RegistryOption): string | null => {
  if (option.problem) return option.problem;
  if (option.runtime && !option.runtimeFound) {
    return option.runtimeHint ?? `${option.runtime} was not found on this computer.`;
  }
  return null;
};

/** How to install it, when there is more than one way: a radio group, unusable ones explained. */
export function OptionChooser({ options, chosen, onChoose }: OptionChooserProps) {
  const name = useId();
  if (options.length < 2) return null;
  return (
    <fieldset className="option-chooser" data-testid="option-chooser">
      <legend className="form-field__label">How to install it</legend>
      {options.map((option, index) => {
        const why = blocker(option);
        const hintId = `${name}-${index}-hint`;
        return (
          <div key={`${option.type}:${option.index}`} className="form-field form-field--check">
            <label className="check">
              <input
                type="radio"
                name={name}
                checked={chosen === index}
                disabled={!installable(option)}
                aria-describedby={why ? hintId : undefined}
                onChange={() => onChoose(index)}
                data-testid={`option-${option.type}`}
              />
              <span>
                {OPTION_LABELS[option.type]} <code>{option.identifier}</code>
                {option.runtime && option.runtimeFound && (
                  <span className="muted"> · {option.runtime} found</span>
                )}
              </span>
            </label>
            {why && (
              <p id={hintId} className="form-field__hint" data-testid="option-blocker">
                {why}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
