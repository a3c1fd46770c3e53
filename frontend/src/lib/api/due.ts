// The list of what is due: everything overdue and due soon, the navigation badge's count
// and the calendar export. Go decides, kind by kind, what is still open.
import * as Due from './wailsjs/go/app/DueService';
import type { overview } from './wailsjs/go/models';
import { arr, call } from './call';
import type { Plain } from './plan';

export type DueItem = Plain<overview.DueItem>;

export const due = {
  due: {
    /** Everything overdue and due within the next `days` days, earliest first. */
    list: (days: number) => call<DueItem[] | null>(() => Due.List(days)).then(arr),
    /** How many things are overdue or due within a week: the navigation badge. */
    count: () => call<number>(() => Due.Count()),
    /** Opens the native save dialog and writes the due dates as a calendar (.ics); the path, or "" when cancelled. */
    saveCalendar: () => call<string>(() => Due.SaveCalendar()),
  },
};
