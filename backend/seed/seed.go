// Package seed fills a database: FirstRun gives a new database the Annex A controls, the
// standard roles and the six-month programme plan; Demo adds a sample organisation.
package seed

import (
	"fmt"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// SettingSeeded is the setting FirstRun writes (the date it ran) so that it runs once.
const SettingSeeded = "seeded"

// SourceFirstRun is the history source of the records FirstRun creates.
const SourceFirstRun = "first run"

// FirstRun seeds a database that has never been seeded: the 93 Annex A controls as rows of
// the Statement of Applicability (not assessed, not started), the standard roles and the
// six-month programme plan starting today. It does nothing on a seeded database, and skips
// controls and roles whose reference is already taken.
func FirstRun(tx *store.Tx, today isms.Date) error {
	if !today.Valid() || today == "" {
		return isms.Errorf(isms.CodeInvalid, "first run needs today's date written YYYY-MM-DD, not %q", string(today))
	}
	done, err := tx.Setting(SettingSeeded)
	if err != nil {
		return fmt.Errorf("seed: unable to read the %q setting: %w", SettingSeeded, err)
	}
	if done != "" {
		return nil
	}
	for _, c := range isms.AnnexA() {
		rec := &isms.Control{Ref: c.Ref, Title: c.Title, Theme: c.Theme,
			Applicability: isms.ApplicabilityNotAssessed, Status: isms.ImplNotStarted}
		if err := createNew(tx, rec, c.Ref); err != nil {
			return err
		}
	}
	for _, r := range isms.StandardRoles() {
		if err := createNew(tx, &r, r.Name); err != nil {
			return err
		}
	}
	for _, m := range isms.ProgrammePlan(today) {
		if err := tx.Create(&m, SourceFirstRun); err != nil {
			return fmt.Errorf("seed: unable to create milestone %q: %w", m.Title, err)
		}
	}
	if err := tx.SetSetting(SettingSeeded, string(today)); err != nil {
		return fmt.Errorf("seed: unable to write the %q setting: %w", SettingSeeded, err)
	}
	return nil
}

// createNew creates rec unless a record of its kind already has the ref.
func createNew(tx *store.Tx, rec isms.Record, ref string) error {
	_, err := tx.ByRef(rec.Kind(), ref)
	switch isms.ErrorCode(err) {
	case "":
		return nil
	case isms.CodeNotFound:
	default:
		return fmt.Errorf("seed: unable to look up %s %q: %w", rec.Kind(), ref, err)
	}
	if err := tx.Create(rec, SourceFirstRun); err != nil {
		return fmt.Errorf("seed: unable to create %s %q: %w", rec.Kind(), ref, err)
	}
	return nil
}
