/** Small shared pieces: links, field errors, page titles. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { onLinkClick } from './router';

export function Link(props: { href: string; class?: string; children: ComponentChildren }) {
  return (
    <a href={props.href} class={props.class} onClick={onLinkClick}>
      {props.children}
    </a>
  );
}

/** Sets the document title and moves focus to the page heading (for screen reader and keyboard users). */
export function PageHeading(props: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Konsol Petugas Pengaduan`;
    ref.current?.focus();
  }, [props.title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {props.children}
    </h1>
  );
}

/** The API's message for one field, tied to it with aria-describedby (id `${field}-galat`). */
export function FieldError(props: { id: string; message?: string | null }) {
  return props.message ? (
    <p id={props.id} class="field-error">
      {props.message}
    </p>
  ) : null;
}

export function Alert(props: { message?: string | null; kind?: 'error' | 'info' }) {
  if (!props.message) return null;
  return (
    <p class={`alert alert-${props.kind ?? 'error'}`} role={props.kind === 'info' ? 'status' : 'alert'}>
      {props.message}
    </p>
  );
}

/**
 * Which field an API message concerns: the API names the field (its JSON name, or its Bahasa label)
 * in the message. Null when it concerns the form as a whole.
 */
export function fieldOf<F extends string>(message: string, fields: Record<F, string[]>): F | null {
  const lower = message.toLowerCase();
  for (const [field, words] of Object.entries(fields) as [F, string[]][]) {
    if (words.some((w) => lower.includes(w.toLowerCase()))) return field;
  }
  return null;
}
