import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type DomainError, DomainFailure, type FieldError, STATUS_OF_KIND } from '../kernel/errors.js';
import { type Locale, translate } from '../kernel/i18n.js';
import { LIMITS } from '../kernel/limits.js';
import { fieldErrorsFromIssues, renderFieldErrors } from '../kernel/validation.js';

/** RFC 9457 problem details with Saphan's stable `code` and field errors (api.md, Conventions). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  request_id?: string;
  errors: { path: string; code: string; message: string }[];
}

export function problemOf(error: DomainError, locale: Locale, request_id?: string): Problem {
  const status = STATUS_OF_KIND[error.kind];
  return {
    type: `https://saphan.example/problems/${error.code}`,
    title: translate(error.code, locale, error.params),
    status,
    code: error.code,
    ...(request_id ? { request_id } : {}),
    errors: renderFieldErrors(error.errors ?? [], locale),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

interface ValidationCarrier {
  validation?: readonly z.core.$ZodIssue[];
  validationContext?: string;
}

/** Maps anything thrown in a request to a problem. Unexpected errors are logged and answered without details. */
export function toProblem(error: FastifyError | Error, request: FastifyRequest): Problem {
  const locale = request.locale ?? 'en';
  const id = request.id;
  if (error instanceof DomainFailure) return problemOf(error.error, locale, id);
  const carrier = error as FastifyError & ValidationCarrier;
  if (carrier.validation) {
    // Query and path parameters are named as they are, like body fields: `status`, not `querystring.status`.
    const errors: FieldError[] = fieldErrorsFromIssues(carrier.validation);
    return problemOf({ kind: 'invalid', code: 'validation_failed', errors }, locale, id);
  }
  const fastify_error = error as FastifyError;
  const status = fastify_error.statusCode ?? 500;
  switch (fastify_error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemOf({ kind: 'payload_too_large', code: 'body_too_large' }, locale, id);
    case 'FST_REQ_FILE_TOO_LARGE':
      return problemOf(
        {
          kind: 'payload_too_large',
          code: 'file_too_large',
          params: { max_mb: LIMITS.import_file_bytes / 1_048_576 },
          errors: [{ path: 'file', code: 'file_too_large', params: { max_mb: LIMITS.import_file_bytes / 1_048_576 } }],
        },
        locale,
        id,
      );
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_PROTO_VIOLATION':
      return problemOf({ kind: 'invalid', code: 'bad_request' }, locale, id);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problemOf({ kind: 'unsupported_media_type', code: 'unsupported_media_type' }, locale, id);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemOf({ kind: 'invalid', code: 'malformed_json' }, locale, id);
  }
  if (status === 429) return problemOf({ kind: 'too_many_requests', code: 'rate_limited' }, locale, id);
  // The JSON parser's own syntax errors carry no FST code.
  if (status === 400 && error instanceof SyntaxError) return problemOf({ kind: 'invalid', code: 'malformed_json' }, locale, id);
  if (status >= 400 && status < 500) return { ...problemOf({ kind: 'invalid', code: 'bad_request' }, locale, id), status };
  return problemOf({ kind: 'internal', code: 'internal_error' }, locale, id);
}
