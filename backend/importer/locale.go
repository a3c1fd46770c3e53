package importer

import (
	"github.com/ismsdesk/ismsdesk/backend/store"
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
