import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import classes from './SortableTh.module.css';

interface SortableThProps<Field extends string> {
  field: Field;
  /** The current sort: `field` ascending, `-field` descending. */
  sort: string;
  onSort: (sort: string) => void;
  children: string;
}

/** A column header that sorts the table, announcing the order to screen readers through aria-sort. */
export function SortableTh<Field extends string>({ field, sort, onSort, children }: SortableThProps<Field>) {
  const direction = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : 'none';
  const Icon = direction === 'ascending' ? IconSortAscending : direction === 'descending' ? IconSortDescending : IconArrowsSort;
  return (
    <Table.Th aria-sort={direction} className={classes.th}>
      <UnstyledButton className={classes.button} onClick={() => onSort(direction === 'ascending' ? `-${field}` : field)}>
        {children}
        <Icon size={14} aria-hidden className={classes.icon} />
      </UnstyledButton>
    </Table.Th>
  );
}
