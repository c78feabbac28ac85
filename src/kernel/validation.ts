import { z } from 'zod';
import { type FieldError, formatPath } from './errors.js';
import { hasMessage, type Locale, translate } from './i18n.js';

/**
 * Turns zod issues into field errors with stable codes. Domain refinements carry their own code in
 * `params.code`; zod's own issues keep zod's code and are rendered with zod's locale messages.
 */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatPath([...path, key]), code: 'unknown_field', params: { field: key } });
      continue;
    }
    if (issue.code === 'custom' && typeof issue.params?.code === 'string') {
      out.push({ path: formatPath(path), code: issue.params.code, ...(issue.params.values ? { params: issue.params.values } : {}) });
      continue;
    }
    if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) {
      out.push({ path: formatPath(path), code: 'required' });
      continue;
    }
    const received = describeInput((issue as { input?: unknown }).input);
    out.push({ path: formatPath(path), code: issue.code, params: { zod_issue: JSON.stringify(stripInput(issue)), received } });
  }
  return out;
}

function stripInput(issue: z.core.$ZodIssue): Record<string, unknown> {
  const { input: _input, ...rest } = issue as z.core.$ZodIssue & { input?: unknown };
  return rest;
}

/** The kind of value received, never the value itself (it may be personal data). */
function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/** A harmless value of the same kind, so that zod's locale messages can say what was received. */
export function sampleOfKind(kind: string | number | undefined): unknown {
  switch (kind) {
    case 'null':
      return null;
    case 'array':
      return [];
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'object':
      return {};
    case 'string':
      return '';
    default:
      return undefined;
  }
}

const ZOD_LOCALES = { th: z.locales.th(), zh: z.locales.zhCN(), en: z.locales.en() } as const;

export interface RenderedFieldError {
  path: string;
  code: string;
  message: string;
}

/** Field errors with their message in the caller's language. */
export function renderFieldErrors(errors: readonly FieldError[], locale: Locale): RenderedFieldError[] {
  return errors.map((e) => ({ path: e.path, code: e.code, message: renderFieldMessage(e, locale) }));
}

function renderFieldMessage(error: FieldError, locale: Locale): string {
  if (hasMessage(error.code)) return translate(error.code, locale, error.params);
  const raw = error.params?.zod_issue;
  if (typeof raw === 'string') {
    const issue = { ...(JSON.parse(raw) as object), input: sampleOfKind(error.params?.received) };
    const localeError = ZOD_LOCALES[locale].localeError as (issue: unknown) => string | { message: string } | undefined;
    const out = localeError(issue);
    if (typeof out === 'string') return out;
    if (out?.message) return out.message;
  }
  return translate('validation_failed', locale);
}
