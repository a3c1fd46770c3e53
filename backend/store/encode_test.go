package store

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
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

// FuzzEncodeChange: for any strings and bodies, encodeChange is json.Marshal, and the
// entry sealed without the body check carries the same bytes.
func FuzzEncodeChange(f *testing.F) {
	f.Add("import", "requirement", "0190-x", `imported from "reg.xlsx", sheet Sheet1`, `{"ref":"R-1"}`, "ab12", int64(1700000000))
	f.Add("create", "risk", "id", "a\u2028b<&>", `{"t":"\u2029"}`, "", int64(0))
	f.Fuzz(func(t *testing.T, op, kind, id, source, body, prev string, at int64) {
		if !json.Valid([]byte(body)) {
			return
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(body)); err != nil {
			return
		}
		c := Change{Seq: 7, At: time.Unix(at%(1<<34), 0).UTC(), Op: op, Kind: isms.Kind(kind), ID: id, Source: source,
			After: compact.Bytes(), Prev: prev}
		want, err := json.Marshal(c)
		if err != nil {
			return
		}
		got, err := encodeChange(c)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("encodeChange\n got %s (%v)\nwant %s", got, err, want)
		}
		h1, b1, err1 := seal(c, nil, false)
		h2, b2, err2 := sealChange(c, nil)
		if err1 != nil || err2 != nil || h1 != h2 || !bytes.Equal(b1, b2) {
			t.Fatalf("seal without the check differs: %v %v", err1, err2)
		}
	})
}
