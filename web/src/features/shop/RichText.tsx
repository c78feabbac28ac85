import { createElement, type ReactNode } from 'react';

/** The formatting tags a description may hold (the server's allow-list); everything else is reduced to its text. */
const ALLOWED = new Set(['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'h3', 'h4']);

function render(nodes: NodeListOf<ChildNode>, path: string): ReactNode[] {
  const out: ReactNode[] = [];
  nodes.forEach((node, i) => {
    const key = `${path}.${i}`;
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(node.textContent ?? '');
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const tag = (node as Element).tagName.toLowerCase();
      const children = render(node.childNodes, key);
      if (ALLOWED.has(tag)) out.push(createElement(tag, { key }, ...(tag === 'br' ? [] : children)));
      else out.push(...children);
    }
  });
  return out;
}

/**
 * A product description. The server already sanitises it; here it is parsed in an inert document (DOMParser runs no
 * script and loads nothing) and rebuilt as React elements from the allow-list, so no HTML string reaches the page.
 * Plain text keeps its line breaks.
 */
export function RichText({ text, className, testId, lang }: { text: string; className?: string; testId?: string; lang?: string }) {
  const hasTags = /<[a-z][^>]*>/i.test(text);
  if (!hasTags) {
    return (
      <div className={`${className ?? ''} plain-text`} data-testid={testId} lang={lang}>
        {text}
      </div>
    );
  }
  const doc = new DOMParser().parseFromString(text, 'text/html');
  return (
    <div className={className} data-testid={testId} lang={lang}>
      {render(doc.body.childNodes, 'n')}
    </div>
  );
}
