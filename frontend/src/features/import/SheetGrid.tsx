import { Table, Text, UnstyledButton } from '@mantine/core';
import type { SheetPreview } from '../../lib/api';
import { columnLetter } from './wizard';
import classes from './SheetGrid.module.css';

/**
 * SheetGrid shows the top of a sheet as Excel does: row numbers and column letters, the
 * header rows highlighted. Clicking a row number makes that row the header.
 */
export function SheetGrid({
  preview,
  headerRow,
  headerRows,
  onPickRow,
}: {
  preview: SheetPreview;
  headerRow: number;
  headerRows: number;
  onPickRow: (row: number) => void;
}) {
  const rows = preview.rows ?? [];
  const width = Math.max(preview.width, ...rows.map((r) => r.cells?.length ?? 0), 1);
  const hidden = new Set(preview.hiddenColumns ?? []);
  const isHeader = (n: number) => headerRow > 0 && n >= headerRow && n < headerRow + headerRows;
  const cols = Array.from({ length: Math.min(width, 52) }, (_, i) => i);
  return (
    <div className={classes.wrap} role="region" aria-label="Sheet preview" tabIndex={-1}>
      <Table className={classes.grid} withColumnBorders withTableBorder stickyHeader horizontalSpacing={6} verticalSpacing={2} fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.corner} />
            {cols.map((i) => (
              <Table.Th key={i} className={hidden.has(i) ? classes.hiddenCol : classes.colHead} title={hidden.has(i) ? 'Hidden column' : undefined}>
                {columnLetter(i)}
                {hidden.has(i) ? ' (hidden)' : ''}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.num} className={isHeader(r.num) ? classes.header : undefined} data-header={isHeader(r.num) || undefined}>
              <Table.Th className={classes.rowHead}>
                <UnstyledButton
                  className={classes.rowButton}
                  onClick={() => onPickRow(r.num)}
                  aria-label={`Use row ${r.num} as the header`}
                  aria-pressed={r.num === headerRow}
                >
                  {r.num}
                </UnstyledButton>
              </Table.Th>
              {cols.map((i) => {
                const v = r.cells?.[i] ?? '';
                return (
                  <Table.Td key={i} className={hidden.has(i) ? classes.hiddenCell : undefined} title={v.length > 40 ? v : undefined}>
                    <Text size="xs" className={classes.cell} fw={isHeader(r.num) ? 700 : undefined}>{v}</Text>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
