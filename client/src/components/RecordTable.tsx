import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import './record-table.css';

/** One column of a RecordTable: its header, and what a row shows in it. */
export interface RecordColumn<T> {
  header: string;
  cell(item: T): ReactNode;
  /**
   * Whether a phone shows the header as a label before the value (the row is a card there, without the header row).
   * Default true; false where the value speaks for itself (the record's name, buttons with their own names); a function decides per row.
   */
  label?: boolean | ((item: T) => boolean);
  /** The cell names its row: a `<th scope="row">`. */
  rowHeader?: boolean;
  className?: string;
}

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

/** `false`, `null` or `undefined` in `columns` leaves that column out (`canEdit && { … }`). */
type MaybeColumn<T> = RecordColumn<T> | false | null | undefined;

/**
 * A table of records with a caption and a header row; on a phone (and at 200% zoom) its rows become cards, each value
 * labelled with its column's header (record-table.css). The explicit roles keep it a table to screen readers when the
 * rows are displayed as blocks.
 */
export function RecordTable<T>({
  caption,
  captionHidden,
  columns,
  items,
  rowKey,
  rowClassName,
  empty,
  className,
  wrapperClassName,
  utrecht,
}: {
  caption: string;
  /** The caption only for screen readers, where a heading right above says the same. */
  captionHidden?: boolean;
  columns: readonly MaybeColumn<T>[];
  items: readonly T[];
  rowKey(item: T): string;
  rowClassName?(item: T): string | undefined;
  /** Said instead of the table when there are no items; without it an empty table shows its header row. */
  empty?: string;
  /** More classes on the table, besides `record-table`. */
  className?: string;
  /** A div around the table with this class (a scroll container, for instance). */
  wrapperClassName?: string;
  /** The NL Design System's table look (utrecht-table classes) on top of the record-table layout. */
  utrecht?: boolean;
}) {
  if (items.length === 0 && empty !== undefined) return <Paragraph>{empty}</Paragraph>;
  const shown = columns.filter((column): column is RecordColumn<T> => Boolean(column));
  const ut = (name: string) => (utrecht ? name : undefined);
  const table = (
    <table className={classes('record-table', ut('utrecht-table'), className)} role="table">
      <caption className={classes(captionHidden && 'visually-hidden', ut('utrecht-table__caption'))}>{caption}</caption>
      <thead role="rowgroup" className={ut('utrecht-table__header')}>
        <tr role="row" className={ut('utrecht-table__row')}>
          {shown.map((column, index) => (
            <th key={index} scope="col" role="columnheader" className={ut('utrecht-table__header-cell')}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup" className={ut('utrecht-table__body')}>
        {items.map((item) => (
          <tr key={rowKey(item)} role="row" className={classes(ut('utrecht-table__row'), rowClassName?.(item))}>
            {shown.map((column, index) => {
              const label = typeof column.label === 'function' ? column.label(item) : column.label !== false;
              return column.rowHeader ? (
                <th key={index} scope="row" role="rowheader" className={classes(ut('utrecht-table__header-cell'), column.className)}>
                  {column.cell(item)}
                </th>
              ) : (
                <td key={index} role="cell" data-label={label ? column.header : undefined} className={classes(ut('utrecht-table__cell'), column.className)}>
                  {column.cell(item)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return wrapperClassName ? <div className={wrapperClassName}>{table}</div> : table;
}
