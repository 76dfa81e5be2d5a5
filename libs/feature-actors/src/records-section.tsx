import { Alert, Button, LoadingState, QueryError, Section } from '@kompetansebro/ui';
import { useState, type ReactNode } from 'react';

/** The part of a list query's result a section shows (TanStack Query's `useQuery` result fits). */
interface RecordsResult<Item> {
  data: { items: Item[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** What the forms in a section are given: close without saving, or saved. */
export interface InPlaceFormProps {
  onCancel: () => void;
  onSaved: () => void;
}

interface RecordsSectionProps<Item, Notice extends string> {
  id: string;
  title: string;
  intro: string;
  result: RecordsResult<Item>;
  /** The heading of the error when the list cannot be loaded. */
  loadFailed: string;
  empty: string;
  /** The success message after a change ('created' after the add form saved). */
  noticeText: (notice: Notice | 'created') => string;
  /** May the user add a record here (policy, and the actor not archived)? */
  canCreate: boolean;
  addLabel: string;
  addForm: (props: InPlaceFormProps) => ReactNode;
  /** The add button above the records rather than below them. */
  addFirst?: boolean;
  /** The records; each card reports its own changes through `onNotice`. */
  children: (items: Item[], onNotice: (notice: Notice | null) => void) => ReactNode;
}

/**
 * A section of the actor page whose records are listed and changed in place: the list in its
 * states (loading, failed with a retry, empty), a success notice after each change, and an
 * add button that opens the add form in a card.
 */
export function RecordsSection<Item, Notice extends string>({
  id,
  title,
  intro,
  result,
  loadFailed,
  empty,
  noticeText,
  canCreate,
  addLabel,
  addForm,
  addFirst = false,
  children,
}: RecordsSectionProps<Item, Notice>) {
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<Notice | 'created' | null>(null);
  const items = result.data?.items ?? [];

  const body = result.isPending ? (
    <LoadingState />
  ) : result.isError ? (
    <QueryError title={loadFailed} error={result.error} onRetry={() => void result.refetch()} />
  ) : items.length === 0 ? (
    <p className="ds-paragraph">{empty}</p>
  ) : (
    children(items, setNotice)
  );

  const add =
    canCreate &&
    (adding ? (
      <div className="ds-card" data-color="neutral">
        {addForm({
          onCancel: () => setAdding(false),
          onSaved: () => {
            setAdding(false);
            setNotice('created');
          },
        })}
      </div>
    ) : (
      <p>
        <Button
          variant="secondary"
          onClick={() => {
            setNotice(null);
            setAdding(true);
          }}
        >
          {addLabel}
        </Button>
      </p>
    ));

  return (
    <Section id={id} title={title} intro={intro} className="kb-stack">
      {/* Polite and never takes focus: the user reads it when they get to it. */}
      <div role="status">{notice && <Alert color="success">{noticeText(notice)}</Alert>}</div>
      {addFirst && add}
      {body}
      {!addFirst && add}
    </Section>
  );
}
