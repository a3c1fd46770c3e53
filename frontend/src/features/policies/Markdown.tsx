// Policy text is Markdown: rendered with marked and sanitised with DOMPurify, so that
// nothing in a document (or a pasted one) can run in the window.
import { useMemo } from 'react';
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { TypographyStylesProvider } from '@mantine/core';

/** renderMarkdown turns Markdown into safe HTML. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text ?? '', { async: false, gfm: true, breaks: false });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}

/** Markdown shows a policy's text. */
export function Markdown({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return (
    <TypographyStylesProvider fz="sm" className="policy-text">
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </TypographyStylesProvider>
  );
}
