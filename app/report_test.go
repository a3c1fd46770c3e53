package app

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// TestExportKeepsLastFigures: an export from the window keeps the report's headline
// figures in the store, for the next export's "change since the last export".
func TestExportKeepsLastFigures(t *testing.T) {
	a := newApp(t)
	org, err := a.Organisation.Get()
	if err != nil {
		t.Fatal(err)
	}
	org.Name = "Acme Widgets"
	if _, err := a.Organisation.Save(org); err != nil {
		t.Fatal(err)
	}
	if err := a.Reports.ExportTo("risks", "", t.TempDir()+"/risks.xlsx"); err != nil {
		t.Fatal(err)
	}
	var kept struct {
		Figures map[string]float64 `json:"figures"`
	}
	err = a.view(func(tx *store.Tx) error {
		v, err := tx.Setting(report.SettingLastExport + "risks")
		if err != nil {
			return err
		}
		return json.Unmarshal([]byte(v), &kept)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := kept.Figures["risks"]; !ok || len(kept.Figures) == 0 {
		t.Errorf("kept figures %v", kept.Figures)
	}
	other := ""
	if err := a.view(func(tx *store.Tx) (err error) { other, err = tx.Setting(report.SettingLastExport + "soa"); return err }); err != nil || other != "" {
		t.Errorf("a report not exported has figures kept: %q (%v)", other, err)
	}
}

// TestReportPreview: the preview shows the executive page the saved report carries (the
// same figures, decisions and version) and keeps nothing; an unknown report or a missing
// audit is refused.
func TestReportPreview(t *testing.T) {
	a := newApp(t)
	org, err := a.Organisation.Get()
	if err != nil {
		t.Fatal(err)
	}
	org.Name, org.Classification = "Acme Widgets", "Confidential – Board"
	if _, err := a.Organisation.Save(org); err != nil {
		t.Fatal(err)
	}
	p, err := a.Reports.Preview("risks", "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Organisation != "Acme Widgets" || p.Classification != "Confidential – Board" || p.Edition != 1 || p.Previous != "" {
		t.Errorf("preview %+v", p)
	}
	if len(p.Figures) == 0 || p.Figures[0].RAG == "" || p.Figures[0].Change != "First export" {
		t.Errorf("figures %+v", p.Figures)
	}
	if len(p.Sheets) == 0 || p.Sheets[0] != "Risks (board view)" {
		t.Errorf("sheets %v", p.Sheets)
	}
	// a preview keeps nothing: the next preview is still version 1
	if again, err := a.Reports.Preview("risks", ""); err != nil || again.Edition != 1 {
		t.Errorf("second preview: version %d, %v", again.Edition, err)
	}
	if err := a.Reports.ExportTo("risks", "", t.TempDir()+"/risks.xlsx"); err != nil {
		t.Fatal(err)
	}
	after, err := a.Reports.Preview("risks", "")
	if err != nil {
		t.Fatal(err)
	}
	if after.Edition != 2 || after.Previous == "" || !strings.HasPrefix(after.Figures[0].Change, "No change") {
		t.Errorf("after an export: version %d, previous %q, change %q", after.Edition, after.Previous, after.Figures[0].Change)
	}
	if _, err := a.Reports.Preview("nonsense", ""); err == nil {
		t.Error("an unknown report was previewed")
	}
	if _, err := a.Reports.Preview("audit", "IA-404"); err == nil {
		t.Error("an audit that does not exist was previewed")
	}
}
