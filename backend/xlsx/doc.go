// Package xlsx reads the officer's existing registers (.xlsx, .xlsm and .csv files) and
// turns them into ISMS records: it opens workbooks safely, reads a sheet into a Grid of
// text cells, finds the header row, proposes a column-to-field mapping for a record kind,
// parses values (dates, booleans, numbers, enums) and converts rows into isms records,
// reporting every problem by Excel row and column letter.
//
// It depends on the standard library, excelize and package isms only; the import use case
// (commit, re-import, log) is composed above it and the store.
package xlsx
