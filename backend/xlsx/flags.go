package xlsx

import (
	"regexp"
	"strings"
)

// FlagHint is how a problem names the command-line option that settles it, after the
// words that say the same thing for the window: " (--unmap status)". WithoutFlags drops it.
func FlagHint(flag string) string { return " (" + flag + ")" }

var flagHints = regexp.MustCompile(` \(--[^()]*\)`)

// WithoutFlags is msg without the command-line options FlagHint named in it: the window
// has its own controls for them.
func WithoutFlags(msg string) string {
	if !strings.Contains(msg, " (--") {
		return msg
	}
	return flagHints.ReplaceAllString(msg, "")
}

// ProblemsWithoutFlags is ps, copied, with WithoutFlags applied to every message.
func ProblemsWithoutFlags(ps []Problem) []Problem {
	if ps == nil {
		return nil
	}
	out := make([]Problem, len(ps))
	for i, p := range ps {
		p.Message = WithoutFlags(p.Message)
		out[i] = p
	}
	return out
}
