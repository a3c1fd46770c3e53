package xlsx

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"time"
)

// cellKind says how a raw cell value must be rendered as text.
type cellKind uint8

const (
	kindPlain    cellKind = iota // shown as stored
	kindDate                     // a serial shown as YYYY-MM-DD
	kindDateTime                 // a serial shown as YYYY-MM-DD HH:MM[:SS]
	kindTime                     // a serial fraction shown as HH:MM[:SS]
	kindPercent                  // a fraction shown as a percentage
	kindBool                     // 0/1 shown as FALSE/TRUE
	kindNumber                   // a number whose stored digits Excel does not show (float noise, exponents)
	// kindFixed+n (n from 1 to maxFixed): a number shown with n decimals ("0.00" shows
	// 5.1 as 5.10), as long as that loses none of its digits
	kindFixed
	maxFixed = 9
)

// classifyNumFmt tells a number format (a built-in id or a custom format code) apart:
// dates, times, date-times, percentages or anything else.
func classifyNumFmt(id int, code string) cellKind {
	switch {
	case id == 22:
		return kindDateTime
	case id >= 14 && id <= 17, id >= 27 && id <= 31, id >= 34 && id <= 36, id >= 50 && id <= 58:
		return kindDate
	case id >= 18 && id <= 21, id >= 45 && id <= 47, id == 32, id == 33:
		return kindTime
	case id == 9 || id == 10:
		return kindPercent
	case id == 2 || id == 4: // 0.00, #,##0.00
		return kindFixed + 2
	}
	if code == "" {
		return kindPlain
	}
	if n := fixedDecimals(code); n > 0 {
		return kindFixed + cellKind(n)
	}
	return classifyFormatCode(code)
}

// fixedDecimals returns the number of decimals of a plain fixed-point format code such
// as 0.00, #,##0.0 or 0.000;[Red]-0.000 (its first section), 0 for any other code.
func fixedDecimals(code string) int {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i]
	}
	whole, dec, ok := strings.Cut(code, ".")
	if !ok || whole == "" || strings.Trim(whole, "#,0") != "" || !strings.HasSuffix(whole, "0") {
		return 0
	}
	if dec == "" || strings.Trim(dec, "0") != "" || len(dec) > maxFixed {
		return 0
	}
	return len(dec)
}

// classifyFormatCode looks for date and time tokens outside quotes, brackets and escapes
// in the first section of a custom number format code.
func classifyFormatCode(code string) cellKind {
	var date, tim, pct bool
	inQuote := false
	for i := 0; i < len(code); i++ {
		c := code[i]
		if inQuote {
			if c == '"' {
				inQuote = false
			}
			continue
		}
		switch c {
		case '"':
			inQuote = true
		case '\\', '_', '*':
			i++ // the next character is literal or padding
		case ';':
			i = len(code)
		case '[':
			end := strings.IndexByte(code[i:], ']')
			if end < 0 {
				i = len(code)
				break
			}
			inner := strings.ToLower(code[i+1 : i+end])
			if inner != "" && strings.Trim(inner, "hms") == "" {
				tim = true // elapsed time: [h], [mm], [ss]
			}
			i += end
		case 'd', 'D', 'y', 'Y':
			date = true
		case 'h', 'H', 's', 'S':
			tim = true
		case '%':
			pct = true
		}
	}
	switch {
	case date && tim:
		return kindDateTime
	case date:
		return kindDate
	case tim:
		return kindTime
	case pct:
		return kindPercent
	}
	return kindPlain
}

// excelEpoch is day 0 of the 1900 date system as Excel counts after its 1900 leap bug.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// SerialTime converts an Excel date serial to a time in UTC. Excel counts 1900-02-29,
// which never existed, so serials below 61 are one day later than the arithmetic gives;
// serial 60 becomes 1900-03-01. With date1904 the serial counts from 1904-01-01.
func SerialTime(serial float64, date1904 bool) (time.Time, bool) {
	if math.IsNaN(serial) || math.IsInf(serial, 0) || serial < 0 || serial >= 2958466 {
		return time.Time{}, false
	}
	days := math.Floor(serial)
	secs := math.Round((serial - days) * 86400)
	base := excelEpoch
	switch {
	case date1904:
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case days < 61 && days > 0:
		base = base.AddDate(0, 0, 1)
	}
	t := base.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
	return t, true
}

// renderCell turns a raw stored value into the text the Grid holds.
func renderCell(raw string, k cellKind, date1904 bool) string {
	if k == kindPlain || raw == "" {
		return raw
	}
	if k == kindNumber {
		if v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64); err == nil {
			return FormatGeneral(v)
		}
		return raw
	}
	if k > kindFixed {
		v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
		if err != nil {
			return raw
		}
		g := FormatGeneral(v)
		_, frac, _ := strings.Cut(g, ".")
		if n := int(k - kindFixed); len(frac) <= n && !strings.ContainsAny(g, "E") {
			return strconv.FormatFloat(v, 'f', n, 64) // only zeros added: 5.1 -> 5.10
		}
		return g // the format would round digits away: keep them
	}
	if k == kindBool {
		switch raw {
		case "1", "TRUE", "true":
			return "TRUE"
		case "0", "FALSE", "false":
			return "FALSE"
		}
		return raw
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil {
		return raw
	}
	if k == kindPercent {
		return FormatGeneral(v*100) + "%"
	}
	t, ok := SerialTime(v, date1904)
	if !ok {
		return raw
	}
	switch k {
	case kindDate:
		return t.Format("2006-01-02")
	case kindTime:
		if t.Second() != 0 {
			return t.Format("15:04:05")
		}
		return t.Format("15:04")
	default:
		if t.Second() != 0 {
			return t.Format("2006-01-02 15:04:05")
		}
		return t.Format("2006-01-02 15:04")
	}
}

// formatFloat writes f without exponent or useless trailing zeros, rounding away binary noise.
func formatFloat(f float64) string {
	s := strconv.FormatFloat(f, 'f', 10, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// FormatGeneral writes a number as Excel's General format shows it in the formula bar:
// at most 15 significant digits ("1.1", never "1.1000000000000001"), integers without a
// decimal point, and numbers from 1E+15 up or below 1E-09 in Excel's exponent form
// ("1.23456789012346E+19", "1E-10").
func FormatGeneral(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	if f == 0 {
		return "0"
	}
	// 15 significant digits: d.dddddddddddddde±XX
	e := strconv.FormatFloat(f, 'e', 14, 64)
	mant, exps, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(exps)
	neg := strings.HasPrefix(mant, "-")
	digits := strings.TrimRight(strings.Replace(strings.TrimPrefix(mant, "-"), ".", "", 1), "0")
	if digits == "" {
		return "0"
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	if exp >= 15 || exp < -9 {
		b.WriteByte(digits[0])
		if len(digits) > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteByte('E')
		if exp < 0 {
			b.WriteByte('-')
			exp = -exp
		} else {
			b.WriteByte('+')
		}
		if exp < 10 {
			b.WriteByte('0')
		}
		b.WriteString(strconv.Itoa(exp))
		return b.String()
	}
	if exp < 0 {
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -exp-1))
		b.WriteString(digits)
		return b.String()
	}
	if len(digits) <= exp+1 {
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", exp+1-len(digits)))
		return b.String()
	}
	b.WriteString(digits[:exp+1])
	b.WriteByte('.')
	b.WriteString(digits[exp+1:])
	return b.String()
}

// needsGeneral reports whether a stored number shows differently from its stored text:
// more than 15 significant digits or an exponent. Short plain numbers are shown as stored.
func needsGeneral(raw []byte) bool {
	if len(raw) <= 15 && bytes.IndexByte(raw, 'E') < 0 && bytes.IndexByte(raw, 'e') < 0 {
		return false
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(string(raw)), 64)
	return err == nil && FormatGeneral(v) != string(raw)
}
