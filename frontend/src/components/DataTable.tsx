// A generic, virtualised, sortable table: TanStack Table for the columns and sorting
// state, TanStack Virtual for the rows. Domain knowledge lives in the column definitions.
//
// Sorting and filtering happen before the data arrives (the callers memoise them), and
// TanStack Table only ever sees the rows on screen: its row model builds an object with a
// dozen closures per row, which for a register of 20,000 rows cost most of a second (and as
// much again in garbage collection) on every keystroke of a search.
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { UnstyledButton } from '@mantine/core';
import type { SortState } from '../lib/view';
import classes from './DataTable.module.css';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** A CSS grid track, e.g. "120px" or "minmax(200px, 2fr)". */
    width?: string;
  }
}

/**
 * The header's height in pixels (its row and bottom border). The header sits in the scroll
 * container, sticky at its top, so that it always lines up with the rows whatever the width
 * of the scrollbar (none at all in some WebViews).
 */
const HEAD = 39;

export interface DataTableProps<T> {
  /** The rows, already filtered and sorted. */
  data: readonly T[];
  columns: ColumnDef<T>[];
  getRowId: (row: T) => string;
  sort: SortState | null;
  onSortChange: (sort: SortState | null) => void;
  onRowOpen?: (row: T) => void;
  label: string;
  rowHeight?: number;
  selectedId?: string;
  empty?: ReactNode;
  /** Names the table whose scroll position comes back when the screen is shown again. */
  scrollKey?: string;
}

/** Scroll positions of the tables by scrollKey, kept while the window is open. */
const offsets = new Map<string, number>();

export function DataTable<T>({
  data,
  columns,
  getRowId,
  sort,
  onSortChange,
  onRowOpen,
  label,
  rowHeight = 40,
  selectedId,
  empty,
  scrollKey,
}: DataTableProps<T>) {
  const sorting: SortingState = sort ? [{ id: sort.id, desc: sort.desc }] : [];
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: data.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // The rows start below the sticky header, and a row scrolled to must not hide under it.
    scrollMargin: HEAD,
    scrollPaddingStart: HEAD,
    initialOffset: () => (scrollKey ? offsets.get(scrollKey) ?? 0 : 0),
  });
  const items = virtualizer.getVirtualItems();
  // Only the rows on screen (and the overscan) go through the table.
  const visible = useMemo(() => items.map((v) => data[v.index]).filter((r): r is T => r !== undefined), [items, data]);
  const table = useReactTable({
    data: visible,
    columns,
    getRowId: (row) => getRowId(row),
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      onSortChange(first ? { id: first.id, desc: first.desc } : null);
    },
    getCoreRowModel: getCoreRowModel(),
  });
  const rows = table.getRowModel().rows;
  const count = data.length;
  const widths = table.getVisibleLeafColumns().map((c) => c.columnDef.meta?.width ?? 'minmax(120px, 1fr)');
  const template = widths.join(' ');
  // Below the columns' smallest widths the table scrolls sideways: every column stays reachable.
  const minWidth = minTableWidth(widths);

  // Roving focus: Tab enters the table on one row (the last one used), arrows move within it.
  const [active, setActive] = useState(0);
  const rendered = items.some((v) => v.index === active);
  const tabbable = rendered ? active : (items[0]?.index ?? -1);

  const focusRow = useCallback(
    (index: number) => {
      if (index < 0 || index >= count) return;
      setActive(index);
      virtualizer.scrollToIndex(index, { align: 'auto' });
      // The row is rendered on a later frame when it was off screen.
      let tries = 0;
      const focus = () => {
        const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
        if (el) el.focus({ preventScroll: true });
        else if (++tries < 10) requestAnimationFrame(focus);
      };
      requestAnimationFrame(focus);
    },
    [count, virtualizer],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, index: number, row: T) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onRowOpen?.(row);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusRow(index + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(index - 1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      focusRow(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      focusRow(count - 1);
    }
  };

  return (
    <div className={classes.table} role="table" aria-label={label} aria-rowcount={count + 1}>
      <div
        ref={scrollRef}
        className={classes.scroll}
        onScroll={scrollKey ? (e) => offsets.set(scrollKey, e.currentTarget.scrollTop) : undefined}
      >
      <div role="rowgroup" className={classes.head} style={{ height: HEAD, minWidth }}>
        {table.getHeaderGroups().map((hg) => (
          <div role="row" key={hg.id} className={classes.headRow} style={{ gridTemplateColumns: template }}>
            {hg.headers.map((h) => {
              const dir = h.column.getIsSorted();
              const canSort = h.column.getCanSort();
              const content = flexRender(h.column.columnDef.header, h.getContext());
              return (
                <div
                  role="columnheader"
                  key={h.id}
                  className={classes.th}
                  aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                >
                  {canSort ? (
                    <UnstyledButton className={classes.sortButton} onClick={h.column.getToggleSortingHandler()}>
                      <span className={classes.label}>{content}</span>
                      {dir === 'asc' ? (
                        <IconArrowUp size={14} aria-hidden />
                      ) : dir === 'desc' ? (
                        <IconArrowDown size={14} aria-hidden />
                      ) : (
                        <IconSelector size={14} aria-hidden className={classes.idle} />
                      )}
                    </UnstyledButton>
                  ) : (
                    content
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
        {count === 0 && empty ? (
          <div className={classes.empty}>{empty}</div>
        ) : (
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth }}>
            {items.map((v, i) => {
              const row = rows[i];
              if (!row) return null;
              return (
                <div
                  role="row"
                  key={row.id}
                  data-index={v.index}
                  aria-rowindex={v.index + 2}
                  aria-selected={selectedId === row.id ? true : undefined}
                  tabIndex={v.index === tabbable ? 0 : -1}
                  className={classes.row}
                  style={{ gridTemplateColumns: template, height: rowHeight, transform: `translateY(${v.start - HEAD}px)` }}
                  onFocus={() => setActive(v.index)}
                  onClick={() => onRowOpen?.(row.original)}
                  onKeyDown={(e) => onKeyDown(e, v.index, row.original)}
                >
                  {row.getVisibleCells().map((cell) => (
                    <div role="cell" key={cell.id} className={classes.td}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

/** minTableWidth is the width below which a grid of these column widths cannot shrink. */
export function minTableWidth(widths: string[]): number {
  const smallest = (w: string): number => {
    const m = /^minmax\(\s*([\d.]+)px/.exec(w.trim());
    if (m) return Number(m[1]);
    const px = /^([\d.]+)px$/.exec(w.trim());
    if (px) return Number(px[1]);
    return 80; // fr, auto and the like
  };
  const gaps = Math.max(0, widths.length - 1) * 10;
  return Math.round(widths.reduce((n, w) => n + smallest(w), 0) + gaps + 24);
}
