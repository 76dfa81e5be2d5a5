import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { TextField } from './field';

interface ListSearchFormProps {
  label: string;
  description?: string | undefined;
  /** The search the list shows now (the URL's `q`): the field follows it, back and forward too. */
  q: string | undefined;
  /** The trimmed text, or undefined when the field is empty. */
  onSearch: (q: string | undefined) => void;
  className?: string;
}

/** A list's search box and its button (`role="search"`): what the user types is sent on submit. */
export function ListSearchForm({ label, description, q, onSearch, className = 'kb-cluster' }: ListSearchFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(q ?? '');
  useEffect(() => setText(q ?? ''), [q]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(text.trim() || undefined);
  };
  return (
    <form className={className} onSubmit={submit} role="search">
      <TextField type="search" label={label} description={description} value={text} onChange={(event) => setText(event.target.value)} />
      <Button type="submit" variant="secondary">
        {t('common.search')}
      </Button>
    </form>
  );
}
