import type { FastifyInstance } from 'fastify';

/** A multipart/form-data body as a browser or `saphan import` sends it, for `app.inject`. */
export async function multipart(fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'text/csv' }), file.name);
  const request = new Request('http://localhost/upload', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), content_type: request.headers.get('content-type') ?? '' };
}

export async function uploadImport(
  app: FastifyInstance,
  headers: Record<string, string>,
  seller_id: string,
  file: { name: string; bytes: Uint8Array; type?: string } | undefined,
) {
  const body = await multipart({ seller_id }, file);
  return app.inject({ method: 'POST', url: '/api/v1/products/import', headers: { ...headers, 'content-type': body.content_type }, payload: body.payload });
}
