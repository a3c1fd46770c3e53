package report_test

import (
	"slices"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// coverRows returns the cover's label -> value pairs.
func coverRows(t *testing.T, db *store.DB) (labels []string, values map[string]string) {
	t.Helper()
	f := export(t, db, "assets", opts(""))
	rows, err := f.GetRows("Executive summary")
	if err != nil {
		t.Fatal(err)
	}
	values = map[string]string{}
	for _, r := range rows[3:] {
		if len(r) >= 2 {
			labels = append(labels, r[0])
			values[r[0]] = r[1]
		}
	}
	return labels, values
}

// TestCoverScopeAndClassification: the cover shows the ISMS scope and the
// classification label under the organisation when they are set, and nothing for them
// when they are not.
func TestCoverScopeAndClassification(t *testing.T) {
	db := demoDB(t)
	labels, _ := coverRows(t, db)
	if slices.Contains(labels, "ISMS scope") || slices.Contains(labels, "Classification") {
		t.Errorf("unset scope or classification printed: %v", labels)
	}
	if labels[0] != "Organisation" || labels[1] != "Report" {
		t.Errorf("cover labels %v", labels)
	}

	const scope = "The design, development and operation of the Northwind analytics platform, from the London office and AWS eu-west-2."
	err := db.Update(func(tx *store.Tx) error {
		if err := tx.SetSetting(report.SettingScope, scope); err != nil {
			return err
		}
		return tx.SetSetting(report.SettingClassification, " Confidential ")
	})
	if err != nil {
		t.Fatal(err)
	}
	labels, values := coverRows(t, db)
	if !slices.Equal(labels[:4], []string{"Organisation", "ISMS scope", "Classification", "Report"}) {
		t.Errorf("cover labels %v", labels)
	}
	if values["ISMS scope"] != scope || values["Classification"] != "Confidential" {
		t.Errorf("cover scope %q, classification %q", values["ISMS scope"], values["Classification"])
	}

	// only the classification
	if err := db.Update(func(tx *store.Tx) error { return tx.SetSetting(report.SettingScope, "") }); err != nil {
		t.Fatal(err)
	}
	labels, _ = coverRows(t, db)
	if !slices.Equal(labels[:3], []string{"Organisation", "Classification", "Report"}) {
		t.Errorf("cover labels without a scope %v", labels)
	}
}
