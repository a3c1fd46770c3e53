package xlsx

import "testing"

func TestWithoutFlags(t *testing.T) {
	for msg, want := range map[string]string{
		"choose no column for Status" + FlagHint("--unmap status"):                 "choose no column for Status",
		"leave such rows out" + FlagHint("--skip-invalid") + "; or fix them":       "leave such rows out; or fix them",
		"expected a date such as 2024-03-01 (or 01/03/2024), got \"soon\" (row 4)": "expected a date such as 2024-03-01 (or 01/03/2024), got \"soon\" (row 4)",
		"a range -- not a flag": "a range -- not a flag",
	} {
		if got := WithoutFlags(msg); got != want {
			t.Errorf("WithoutFlags(%q) = %q, want %q", msg, got, want)
		}
	}
	ps := []Problem{{Row: 3, Message: "x" + FlagHint("--unmap owner")}}
	if got := ProblemsWithoutFlags(ps); got[0].Message != "x" || ps[0].Message == "x" {
		t.Errorf("ProblemsWithoutFlags: %+v, the plan's own: %+v", got, ps)
	}
}
