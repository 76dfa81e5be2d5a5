import { weekdays } from '@kompetansebro/domain';
import { useTranslation } from 'react-i18next';
import { gridColumns, gridFieldId, type WeekGrid } from './opening-hours-form';
import './opening-hours.css';

// The opening-hours editor's week grid, shared by the library portal's opening-hours page and the
// survey's answer form: the same inputs, ids and texts wherever a library states its hours.

/** The week as a table of inputs: a row a day, staffed from–to and self-service from–to. */
export function WeekGridTable({
  prefix,
  grid,
  onChange,
  messageAt,
  caption,
}: {
  prefix: string;
  grid: WeekGrid;
  onChange: (update: (grid: WeekGrid) => WeekGrid) => void;
  messageAt: (fieldId: string) => string | undefined;
  caption: string;
}) {
  const { t } = useTranslation();
  const columns = gridColumns.map((column) => ({ column, label: t(`library.hours.${column}`) }));
  return (
    <table className="ds-table kb-hours-table" data-size="sm">
      <caption className="kb-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('library.hours.day')}</th>
          {columns.map(({ column, label }) => (
            <th scope="col" key={column}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weekdays.map((weekday) => (
          <tr key={weekday}>
            <th scope="row">{t(`library.weekday.${weekday}`)}</th>
            {columns.map(({ column, label }) => {
              const id = gridFieldId(prefix, weekday, column);
              const error = messageAt(id);
              return (
                <td key={column} data-label={label}>
                  <input
                    className="ds-input"
                    id={id}
                    inputMode="numeric"
                    autoComplete="off"
                    aria-label={`${t(`library.weekday.${weekday}`)}: ${label}`}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                    placeholder="–"
                    value={grid[weekday][column]}
                    onChange={(event) => onChange((current) => ({ ...current, [weekday]: { ...current[weekday], [column]: event.target.value } }))}
                  />
                  {error && (
                    <p className="ds-validation-message" data-field="validation" id={`${id}-error`}>
                      {error}
                    </p>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

