import './middle-ellipsis.css';
/**
 * Where to cut a long path so its end stays readable: the file and its folder if they are short,
 * else the file, else the last 24 characters.
 */
export function splitForEllipsis(text: string): [head: string, tail: string] {
  const cut = (from: number): [string, string] => [text.slice(0, from), text.slice(from)];
  const separators = [...text.matchAll(/[/\\]/g)].map((match) => match.index);
  const lastTwo = separators.at(-2);
  if (lastTwo !== undefined && lastTwo > 0 && text.length - lastTwo <= 28) return cut(lastTwo);
  const last = separators.at(-1);
  if (last !== undefined && last > 0 && text.length - last <= 40) return cut(last);
  return cut(Math.max(0, text.length - 24));
}

interface MiddleEllipsisProps {
  text: string;
  className?: string;
  testId?: string;
}

/**
 * Monospace text that, when too long for its box, loses characters from the middle, not the
 * end. The whole text stays in the DOM (screen readers, selection, copy) and in the tooltip.
 */
export function MiddleEllipsis({ text, className = '', testId }: MiddleEllipsisProps) {
  const [head, tail] = splitForEllipsis(text);
  return (
    <code className={`middle-ellipsis ${className}`.trim()} title={text} data-testid={testId}>
      <span className="middle-ellipsis__head">{head}</span>
      <span className="middle-ellipsis__tail">{tail}</span>
    </code>
  );
}
