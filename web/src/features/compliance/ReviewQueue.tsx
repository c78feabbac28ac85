import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox, Loading, Notice } from '../../components/ui.js';

/** One page of a cursor-paged list, as the list endpoints return it. */
export interface QueuePage<T> {
  items: T[];
  next_cursor?: string | null;
}

/** The data-testid names of the queue's parts, kept per queue so existing selectors stay stable. */
export interface ReviewQueueTestIds {
  /** The wrapper around the whole tab. */
  tab: string;
  /** The success notice shown after an item was handled. */
  done: string;
  /** The "nothing waiting" card. */
  empty: string;
  /** The list of items. */
  list: string;
  /** The "load more" button. */
  more: string;
}

export interface ReviewQueueProps<T extends { id: string }> {
  queryKey: QueryKey;
  /** Fetches one page; `cursor` is null for the first page. */
  fetchPage: (cursor: string | null) => Promise<QueuePage<T>>;
  /** Renders one item; `onDone` shows a success notice above the queue. */
  renderItem: (item: T, onDone: (message: string) => void) => ReactNode;
  /** Optional visually-hidden heading for the tab. */
  title?: ReactNode;
  intro: ReactNode;
  empty: ReactNode;
  testIds: ReviewQueueTestIds;
}

/** A paged review queue: intro, success notice, loading/error, empty state, the items, and "load more". */
export function ReviewQueue<T extends { id: string }>({ queryKey, fetchPage, renderItem, title, intro, empty, testIds }: ReviewQueueProps<T>) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const queue = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div data-testid={testIds.tab}>
      {title ? <h2 className="visually-hidden">{title}</h2> : null}
      <p className="muted">{intro}</p>
      {done ? (
        <Notice kind="success" testId={testIds.done}>
          {done}
        </Notice>
      ) : null}
      {queue.isPending ? <Loading /> : null}
      {queue.isError ? <ErrorBox error={queue.error} /> : null}
      {queue.isSuccess && items.length === 0 ? (
        <p className="card muted" data-testid={testIds.empty}>
          {empty}
        </p>
      ) : null}
      <div data-testid={testIds.list}>
        {items.map((item) => (
          <Fragment key={item.id}>{renderItem(item, setDone)}</Fragment>
        ))}
      </div>
      {queue.hasNextPage ? (
        <button type="button" className="block" disabled={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()} data-testid={testIds.more}>
          {t('compliance.load_more')}
        </button>
      ) : null}
    </div>
  );
}
