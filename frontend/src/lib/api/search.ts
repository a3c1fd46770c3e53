// The global search of the search box (Ctrl+K): Go searches every text of every record.
import * as Search from './wailsjs/go/app/SearchService';
import type { search as models } from './wailsjs/go/models';
import { arr, call } from './call';
import type { Plain } from './plan';

/** One record found: its kind, ref and title, the field that matched and a snippet of it. */
export type SearchResult = Plain<models.Result>;

export const search = {
  search: {
    /** The records holding every word of the query (the last also as a prefix), best first, grouped by kind, at most 50. */
    find: (query: string) => call<SearchResult[] | null>(() => Search.Search(query)).then(arr),
  },
};
