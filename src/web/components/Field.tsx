import { type ReactNode, useId } from 'react';

/** A labelled form control with its error announced to screen readers. */
export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && <p id={`${id}-hint`} className="text-xs text-stone-600">{hint}</p>}
      {error && <p id={`${id}-error`} role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

export const inputClass = 'w-full rounded border border-stone-400 bg-white px-2 py-1.5 aria-[invalid=true]:border-red-700';
export const buttonClass = 'rounded bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-800 disabled:opacity-50';
export const secondaryButtonClass = 'rounded border border-stone-400 bg-white px-3 py-1.5 hover:bg-stone-100';

export function ErrorBanner({ message }: { message?: string | null }) {
  if (!message) return null;
  return <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">{message}</p>;
}

export function Tag({ children }: { children: ReactNode }) {
  return <span className="inline-block rounded-full bg-stone-200 px-2 py-0.5 text-xs">{children}</span>;
}
