package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// continuedText reports whether an imported field's value is a text that an export cut at
// Excel's cell limit (xlsx.FitCell's mark): merge then keeps the stored text, so that
// re-importing an export never shortens a record.
func continuedText(v json.RawMessage) bool {
	if !bytes.Contains(v[max(0, len(v)-120):], []byte("text continues in ISMS Desk")) {
		return false
	}
	var s string
	return json.Unmarshal(v, &s) == nil && xlsx.Continued(s)
}

// continuedNew adds a problem for each cell of a row that holds a cut text when the row
// makes a new record: there is no stored text to keep. It reports whether it added any.
func continuedNew(vals xlsx.Values, problem func(field, msg string)) bool {
	var fields []string
	for f, v := range vals.All() {
		if xlsx.Continued(v) {
			fields = append(fields, f)
		}
	}
	slices.Sort(fields)
	for _, f := range fields {
		problem(f, fmt.Sprintf("holds only the start of a longer text, cut at Excel's cell limit of 32,767 characters when it was exported (the cell ends with %q), and no stored record has the whole text: put the whole text in the cell, or add this record in ISMS Desk", xlsx.ContinuedMark(vals.Get(f))))
	}
	return len(fields) > 0
}
