package importer

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// SettingDayFirst is the setting that holds the user's date order: "true" when dates
// such as 03/04/2024 are day-first (3 April), as in most of Europe.
const SettingDayFirst = "locale.dayFirst"

// DayFirst reports the user's date order setting.
func DayFirst(db *store.DB) (bool, error) {
	var v string
	err := db.View(func(tx *store.Tx) (err error) {
		v, err = tx.Setting(SettingDayFirst)
		return err
	})
	return v == "true", err
}

// SetDayFirst stores the user's date order setting.
func SetDayFirst(db *store.DB, dayFirst bool) error {
	v := ""
	if dayFirst {
		v = "true"
	}
	return db.Update(func(tx *store.Tx) error { return tx.SetSetting(SettingDayFirst, v) })
}

// localeHint says why the file's dates are likely day-first, or "": a date of the sheet
// that can only be day-first (30/06/2024, in any column), a CSV separated by semicolons
// (as Excel writes it where the decimal separator is a comma), numbers with a decimal
// comma, or a header in French, German or Spanish, where dates are day-first.
func localeHint(wb *xlsx.Workbook, h xlsx.Header, g *xlsx.Grid) string {
	if day, month := sheetDateOrder(h, g); day != "" && month == "" {
		return day + " in the same sheet shows"
	}
	if wb.Dialect != nil && wb.Dialect.Delimiter == ";" {
		return "the file separates its values with semicolons"
	}
	if lang := headerLanguage(h); lang != "" {
		return "the header is in " + lang
	}
	commas, numbers := 0, 0
	for i, r := range g.Rows {
		if r.Num < h.DataStart() {
			continue
		}
		if i > 200 {
			break
		}
		for _, c := range r.Cells {
			c = strings.TrimSpace(c)
			if decimalComma.MatchString(c) {
				commas++
			} else if decimalPoint.MatchString(c) {
				numbers++
			}
		}
	}
	if commas > 0 && commas >= numbers {
		return "its numbers are written with a decimal comma"
	}
	return ""
}

// sheetDateOrder finds, in the first dateSample data rows of the sheet, a date written
// with numbers that can only be day-first and one that can only be month-first: a
// sheet's author writes every date one way, so such a date in any column decides the
// columns whose dates could be read either way.
func sheetDateOrder(h xlsx.Header, g *xlsx.Grid) (day, month string) {
	n := 0
	for _, r := range g.Rows {
		if r.Num < h.DataStart() {
			continue
		}
		if n++; n > dateSample {
			break
		}
		for _, c := range r.Cells {
			c = strings.TrimSpace(c)
			d, m := xlsx.DateOrderOf(c)
			if d && day == "" {
				day = c
			}
			if m && month == "" {
				month = c
			}
		}
		if day != "" && month != "" {
			break
		}
	}
	return day, month
}

const dateSample = 2000

// lastDateOrder returns the date order of the last import, not reverted, of a file of
// kind with this layout (its header): a register read day-first once is read so again,
// so that its next version does not move every date (or duplicate the trainings and
// attendances a date identifies).
func lastDateOrder(db *store.DB, kind, layoutKey string) (dayFirst, ok bool, err error) {
	// the fields it needs of each log, not its skipped rows: every preview asks
	type logHead struct {
		Kind    string `json:"kind"`
		Mapping struct {
			LayoutKey string      `json:"layoutKey"`
			Locale    xlsx.Locale `json:"locale"`
		} `json:"mapping"`
		RevertedAt time.Time `json:"revertedAt"`
	}
	err = db.View(func(tx *store.Tx) error {
		return tx.EachSetting(logPrefix, func(_, value string) error { // oldest first: the last match wins
			var head logHead
			if err := json.Unmarshal([]byte(value), &head); err != nil {
				return fmt.Errorf("importer: unable to read an import log: %w", err)
			}
			if head.Kind == kind && head.Mapping.LayoutKey == layoutKey && head.RevertedAt.IsZero() {
				dayFirst, ok = head.Mapping.Locale.DayFirst, true
			}
			return nil
		})
	})
	return dayFirst, ok, err
}

var (
	decimalComma = regexp.MustCompile(`^-?\d{1,3}(\.\d{3})*,\d{1,2}$|^-?\d+,\d{1,2}$`)
	decimalPoint = regexp.MustCompile(`^-?\d+\.\d{1,2}$`)
)

// headerWords are header words of registers in the languages whose dates are day-first.
var headerWords = map[string]string{
	"référence": "French", "intitulé": "French", "libellé": "French", "propriétaire": "French", "échéance": "French",
	"statut": "French", "état": "French", "thématique": "French", "contenu": "French", "objectif": "French",
	"commentaire": "French", "commentaires": "French", "responsable": "French", "mesure": "French", "date de revue": "French",
	"bezeichnung": "German", "verantwortlich": "German", "verantwortlicher": "German", "beschreibung": "German", "fälligkeit": "German",
	"datum": "German", "maßnahme": "German", "anforderung": "German", "bemerkung": "German", "titel": "German", "zuständig": "German",
	"descripción": "Spanish", "título": "Spanish", "estado": "Spanish", "fecha": "Spanish", "propietario": "Spanish",
	"referencia": "Spanish", "requisito": "Spanish", "nombre": "Spanish", "observaciones": "Spanish",
}

// headerLanguage names the language of a header when one of its column names (or their
// first word) is a register word of French, German or Spanish.
func headerLanguage(h xlsx.Header) string {
	for _, c := range h.Columns {
		name := strings.ToLower(strings.Join(strings.Fields(c.Name), " "))
		if lang, ok := headerWords[name]; ok {
			return lang
		}
		if f := strings.Fields(name); len(f) > 0 {
			if lang, ok := headerWords[strings.Trim(f[0], ":()")]; ok {
				return lang
			}
		}
	}
	return ""
}
