package xlsx

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// isNumberCellByParse is isNumberCell's definition, without the shortcut for text.
func isNumberCellByParse(v string) bool {
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
	return err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
}

var numberCells = []string{"", "%", "+", "-", "1", "-1", "+1.5", ".5", "-.5", "1e5", "1E-3", "12%", "-3%",
	"abc", "inf", "Inf", "-Inf", "+inf", "NaN", "nan", "infinity", "1_000", "0x1p3", "0x1P-2", " 1", "1 ",
	"−1", "1,5", "1.2.3", "--1", "+-1", "1e400", "-1e400", "٣"}

func TestIsNumberCellIsParseFloat(t *testing.T) {
	for _, v := range numberCells {
		if got, want := isNumberCell(v), isNumberCellByParse(v); got != want {
			t.Errorf("isNumberCell(%q) = %v, ParseFloat says %v", v, got, want)
		}
	}
}

func FuzzIsNumberCell(f *testing.F) {
	for _, v := range numberCells {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if got, want := isNumberCell(v), isNumberCellByParse(v); got != want {
			t.Fatalf("isNumberCell(%q) = %v, ParseFloat says %v", v, got, want)
		}
	})
}
