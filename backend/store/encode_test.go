package store

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// TestEncodeChangeIsJSONMarshal: the hand-written encoding of a history entry is byte for
// byte what json.Marshal gives, which VerifyHistory relies on.
func TestEncodeChangeIsJSONMarshal(t *testing.T) {
	for _, c := range []Change{
		{Seq: 1, At: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC), Op: OpCreate, Kind: "requirement", ID: "x",
			Source: `imported from "a<b>&c".xlsx`, After: json.RawMessage(`{"ref":"R-1","text":"a\nb <é>"}`)},
		{Seq: 99, At: time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("", 3600)), Op: OpDelete, Kind: "risk", ID: "y",
			Before: json.RawMessage(`{"n":1}`), Prev: "abc"},
	} {
		got, err := encodeChange(c)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(c)
		if !bytes.Equal(got, want) {
			t.Errorf("encodeChange\n got %s\nwant %s", got, want)
		}
	}
}
