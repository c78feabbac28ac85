import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { allowedEdits, deletionKeys, editDistance, queryTerms, tokens } from './analyze.js';
import { documents, fuzzyKeys } from './schema.js';

type Queryable = Db | Tx;

/** What the listing flows know about a product, turned into one search document. */
export interface SearchDocumentInput {
  readonly product_id: string;
  readonly seller_id: string;
  readonly seller_name: string;
  readonly province_code: string;
  readonly category_code: string;
  readonly parent_category: string;
  readonly otop_stars: number | null;
  readonly certifications: readonly string[];
  readonly price_min_thb_minor: number;
  readonly in_stock: boolean;
  /** The cover picture's id, when the product has pictures. */
  readonly image_id?: string | null;
  readonly markets: readonly string[];
  readonly valid_until: Date | null;
  readonly reviewed: readonly string[];
  readonly title: { th: string; zh?: string | undefined; en?: string | undefined };
  /** Other searchable text: descriptions, ingredients, category names. */
  readonly body: readonly string[];
}

const LATIN = /^[a-z0-9]+$/;

function documentRow(doc: SearchDocumentInput, now: Date) {
  const title_terms = tokens([doc.title.th, doc.title.zh ?? '', doc.title.en ?? ''].join(' '));
  const terms = [...new Set([...title_terms, ...tokens(doc.body.join(' '))])];
  return {
    product_id: doc.product_id,
    seller_id: doc.seller_id,
    seller_name: doc.seller_name,
    province_code: doc.province_code,
    category_code: doc.category_code,
    parent_category: doc.parent_category,
    otop_stars: doc.otop_stars,
    certifications: [...doc.certifications],
    price_min_thb_minor: doc.price_min_thb_minor,
    in_stock: doc.in_stock,
    image_id: doc.image_id ?? null,
    markets: [...doc.markets],
    valid_until: doc.valid_until,
    reviewed: [...doc.reviewed],
    title: { th: doc.title.th, ...(doc.title.zh ? { zh: doc.title.zh } : {}), ...(doc.title.en ? { en: doc.title.en } : {}) },
    terms,
    title_terms,
    updated_at: now,
  };
}

/** Upserts a product's document and the typo keys of its Latin-script terms (English, pinyin). */
export async function indexDocument(tx: Tx, now: Date, doc: SearchDocumentInput): Promise<void> {
  const row = documentRow(doc, now);
  await tx
    .insert(documents)
    .values(row)
    .onConflictDoUpdate({ target: documents.product_id, set: { ...row } });
  await addFuzzyKeys(tx, row.terms);
}

/** Typo keys only for words the index has not seen (a word is always one of its own keys). */
async function addFuzzyKeys(tx: Tx, terms: readonly string[]): Promise<void> {
  const fuzzy = terms.filter((t) => LATIN.test(t) && allowedEdits(t) > 0);
  if (fuzzy.length === 0) return;
  const known = new Set(
    (await tx.select({ term: fuzzyKeys.term }).from(fuzzyKeys).where(inArray(fuzzyKeys.key, fuzzy))).filter((r) => fuzzy.includes(r.term)).map((r) => r.term),
  );
  const keys = fuzzy.filter((t) => !known.has(t)).flatMap((term) => deletionKeys(term, allowedEdits(term)).map((key) => [key, term] as const));
  // Two array parameters and unnest: one statement however many keys, and no per-value query building.
  for (let i = 0; i < keys.length; i += 5_000) {
    const batch = keys.slice(i, i + 5_000);
    await tx.execute(
      sql`insert into ${fuzzyKeys} (key, term) select * from unnest(${sql.param(batch.map((k) => k[0]))}::text[], ${sql.param(batch.map((k) => k[1]))}::text[]) on conflict do nothing`,
    );
  }
}

export async function removeDocument(tx: Tx, product_id: string): Promise<void> {
  await tx.delete(documents).where(eq(documents.product_id, product_id));
}

export interface SearchInput {
  readonly q: string;
  readonly market: 'TH' | 'CN_CBEC' | 'INTL';
  readonly locale: 'th' | 'zh' | 'en';
  readonly category?: string | undefined;
  readonly province?: string | undefined;
  readonly otop_stars_min?: number | undefined;
  readonly certification?: string | undefined;
  readonly price_min_thb_minor?: number | undefined;
  readonly price_max_thb_minor?: number | undefined;
  /** Upper bounds (exclusive, in satang) of the price facet's buckets but the last, ascending. */
  readonly price_edges_thb_minor?: readonly number[] | undefined;
  readonly offset: number;
  readonly limit: number;
}

const MAX_TERMS = 8;

/** Each query term with its alternatives plus the index words within its allowed edits. */
async function expandTerms(q: Queryable, query: string): Promise<string[][]> {
  const terms = queryTerms(query).slice(0, MAX_TERMS);
  const wanted = terms.flatMap((alts) => alts.filter((a) => LATIN.test(a) && allowedEdits(a) > 0));
  if (wanted.length === 0) return terms;
  const keys = [...new Set(wanted.flatMap((a) => deletionKeys(a, allowedEdits(a))))];
  const near = await q.selectDistinct({ term: fuzzyKeys.term }).from(fuzzyKeys).where(inArray(fuzzyKeys.key, keys));
  return terms.map((alts) => {
    const out = new Set(alts);
    for (const alt of alts) {
      const max = LATIN.test(alt) ? allowedEdits(alt) : 0;
      if (max === 0) continue;
      for (const { term } of near) if (editDistance(alt, term, max) <= max) out.add(term);
    }
    return [...out];
  });
}

function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

type Facet = 'category' | 'province' | 'otop_stars' | 'certification' | 'price';
const FACETS: readonly Facet[] = ['category', 'province', 'otop_stars', 'certification', 'price'];

/** Conditions every match meets: the market, stock, the query's terms and the price range. */
function baseFilters(input: SearchInput, terms: readonly string[][]): SQL[] {
  const where: SQL[] = [sql`${input.market} = any(d.markets)`, sql`d.in_stock`, sql`(d.valid_until is null or d.valid_until > now())`];
  for (const alts of terms) where.push(sql`d.terms && ${textArray(alts)}`);
  return where;
}

/** The facet filters over the base matches, all of them or all but one (a facet counts without its own filter). */
function facetFilters(input: SearchInput, except?: Facet): SQL {
  const where: SQL[] = [sql`true`];
  if (input.category && except !== 'category') where.push(sql`(b.category_code = ${input.category} or b.parent_category = ${input.category})`);
  if (input.province && except !== 'province') where.push(sql`b.province_code = ${input.province}`);
  if (input.otop_stars_min && except !== 'otop_stars') where.push(sql`b.otop_stars >= ${input.otop_stars_min}`);
  if (input.certification && except !== 'certification') where.push(sql`${input.certification} = any(b.certifications)`);
  if (except !== 'price') {
    if (input.price_min_thb_minor !== undefined) where.push(sql`b.price_min_thb_minor >= ${input.price_min_thb_minor}`);
    if (input.price_max_thb_minor !== undefined) where.push(sql`b.price_min_thb_minor <= ${input.price_max_thb_minor}`);
  }
  return sql.join(where, sql` and `);
}

function facetValue(facet: Facet, input: SearchInput): SQL {
  switch (facet) {
    case 'category':
      return sql`b.parent_category`;
    case 'province':
      return sql`b.province_code`;
    case 'otop_stars':
      return sql`coalesce(b.otop_stars, 0)::text`;
    case 'certification':
      return sql`unnest(b.certifications)`;
    case 'price': {
      // The bucket a product's lowest price falls in: how many edges are at or below it.
      const edges = input.price_edges_thb_minor ?? [];
      return edges.length === 0
        ? sql`'0'`
        : sql`(${sql.join(
            edges.map((e) => sql`(case when b.price_min_thb_minor >= ${e} then 1 else 0 end)`),
            sql` + `,
          )})::text`;
    }
  }
}

export interface SearchHit {
  product_id: string;
  title: string;
  title_all: { th: string; zh?: string; en?: string };
  price_thb_minor: number;
  seller: { id: string; name: string; province_code: string };
  category_code: string;
  otop_stars: number | null;
  certifications: string[];
  /** The cover picture, served by GET /images/{id}. */
  image_url: string | null;
  highlight: { title: string; ranges: [number, number][] };
}

export interface SearchResult {
  total: number;
  items: SearchHit[];
  facets: Record<Facet, { value: string; count: number }[]>;
}

/**
 * Finds eligible, in-stock products: every query term must match (any of its alternatives or near
 * words); title matches, reviewed content in the viewer's language and OTOP stars rank higher.
 * One statement: the matches are found once (GIN on terms and markets) and the page, the total and
 * the four facets are computed from them.
 */
export async function search(q: Queryable, input: SearchInput): Promise<SearchResult> {
  const terms = await expandTerms(q, input.q);
  const title_score =
    terms.length > 0
      ? sql.join(
          terms.map((alts) => sql`(case when d.title_terms && ${textArray(alts)} then 3 else 1 end)`),
          sql` + `,
        )
      : sql`0`;
  const facet_sql = FACETS.map(
    (f) => sql`(select coalesce(json_agg(json_build_array(v, n) order by n desc, v), '[]'::json) from (
      select ${facetValue(f, input)} as v, count(*) as n from base b where ${facetFilters(input, f)} group by 1 order by 2 desc, 1 limit 50) x) as ${sql.raw(f)}`,
  );
  const statement = sql`
    with base as materialized (
      select d.product_id, d.title, d.price_min_thb_minor, d.seller_id, d.seller_name, d.province_code, d.category_code,
             d.parent_category, d.otop_stars, d.certifications, d.image_id,
             ${title_score} + (case when ${input.locale} = any(d.reviewed) then 1 else 0 end) + coalesce(d.otop_stars, 0) * 0.3 as score
      from ${documents} d
      where ${sql.join(baseFilters(input, terms), sql` and `)}
    ),
    hits as (select * from base b where ${facetFilters(input)})
    select
      (select count(*) from hits)::int as total,
      (select coalesce(json_agg(row_to_json(p)), '[]'::json) from (
        select * from hits order by score desc, product_id limit ${input.limit} offset ${input.offset}) p) as items,
      ${sql.join(facet_sql, sql`, `)}`;
  const result = await q.execute(statement);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
  type Row = {
    product_id: string;
    title: { th: string; zh?: string; en?: string };
    price_min_thb_minor: number | string;
    seller_id: string;
    seller_name: string;
    province_code: string;
    category_code: string;
    otop_stars: number | null;
    certifications: string[];
    image_id: string | null;
  };
  const parse = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
  const items = parse<Row[]>(row.items) ?? [];
  const facets = Object.fromEntries(
    FACETS.map((f) => [
      f,
      (parse<[string | null, number | string][]>(row[f]) ?? [])
        .filter(([v]) => v !== null && v !== '')
        .map(([v, n]) => ({ value: String(v), count: Number(n) })),
    ]),
  ) as SearchResult['facets'];
  const words = terms.flat();
  return {
    total: Number(row.total ?? 0),
    items: items.map((r) => {
      const title = r.title[input.locale] ?? r.title.th;
      return {
        product_id: r.product_id,
        title,
        title_all: r.title,
        price_thb_minor: Number(r.price_min_thb_minor),
        seller: { id: r.seller_id, name: r.seller_name, province_code: r.province_code },
        category_code: r.category_code,
        otop_stars: r.otop_stars,
        certifications: r.certifications,
        image_url: r.image_id ? `/api/v1/images/${r.image_id}` : null,
        highlight: { title, ranges: highlightRanges(title, words) },
      };
    }),
    facets,
  };
}

/** Where the query's words occur in the shown title (case-insensitive), for the storefront to mark. */
export function highlightRanges(title: string, words: readonly string[]): [number, number][] {
  const lower = title.toLowerCase();
  const ranges: [number, number][] = [];
  for (const w of words) {
    if (!w) continue;
    let at = lower.indexOf(w);
    while (at >= 0) {
      ranges.push([at, at + w.length]);
      at = lower.indexOf(w, at + w.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Updates only the stock flag; false when the product has no document yet. */
export async function setInStock(tx: Tx, now: Date, product_id: string, in_stock: boolean): Promise<boolean> {
  const rows = await tx
    .update(documents)
    .set({ in_stock, updated_at: now })
    .where(eq(documents.product_id, product_id))
    .returning({ id: documents.product_id });
  return rows.length > 0;
}

/**
 * Writes many documents at once (rebuilds, imports, benchmarks): one multi-row upsert per batch and
 * one typo-key statement for the batch's new words.
 */
export async function indexDocuments(tx: Tx, now: Date, docs: readonly SearchDocumentInput[]): Promise<void> {
  const BATCH = 500;
  for (let i = 0; i < docs.length; i += BATCH) {
    const rows = docs.slice(i, i + BATCH).map((doc) => documentRow(doc, now));
    await tx
      .insert(documents)
      .values(rows)
      .onConflictDoUpdate({
        target: documents.product_id,
        set: Object.fromEntries(
          Object.keys(rows[0] ?? {})
            .filter((k) => k !== 'product_id')
            .map((k) => [k, sql.raw(`excluded.${k}`)]),
        ),
      });
    await addFuzzyKeys(tx, [...new Set(rows.flatMap((r) => r.terms))]);
  }
}
