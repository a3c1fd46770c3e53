package report_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// figures returns the executive page's headline figures: label -> [value, change, status].
func figures(t *testing.T, f *excelize.File) map[string][]string {
	t.Helper()
	rows, err := f.GetRows("Executive summary")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	in := false
	for _, r := range rows {
		switch {
		case len(r) > 0 && r[0] == "Figure":
			in = true
		case len(r) > 0 && r[0] == "Decisions requested":
			return out
		case in && len(r) >= 4:
			out[r[0]] = r[1:4]
		}
	}
	return out
}

// TestExecutivePage: every workbook opens with the executive page (organisation, report,
// period, date; five to eight headline figures with a colour; decisions requested; top
// exceptions) and ends with "About this report", which alone carries the app version and
// the SHA-256.
func TestExecutivePage(t *testing.T) {
	db := demoDB(t)
	for _, in := range report.Names() {
		f := export(t, db, in.Name, opts(idFor(in.Name)))
		list := f.GetSheetList()
		if list[0] != "Executive summary" || list[len(list)-1] != "About this report" {
			t.Errorf("%s: sheets %v", in.Name, list)
		}
		if f.GetActiveSheetIndex() != 0 {
			t.Errorf("%s: the workbook opens on sheet %d, not the executive page", in.Name, f.GetActiveSheetIndex())
		}
		if sel := selectedTabs(t, exportBytes(t, db, in.Name, opts(idFor(in.Name)))); !slices.Equal(sel, []string{"xl/worksheets/sheet1.xml"}) {
			t.Errorf("%s: the sheets with their tab selected are %v, want the executive page's alone", in.Name, sel)
		}
		figs := figures(t, f)
		if len(figs) < 5 || len(figs) > 8 {
			t.Errorf("%s: %d headline figures, want 5 to 8: %v", in.Name, len(figs), figs)
		}
		for label, v := range figs {
			if !slices.Contains([]string{"Green", "Amber", "Red"}, v[2]) || v[1] != "First export" {
				t.Errorf("%s: %s: %v", in.Name, label, v)
			}
		}
		rows, err := f.GetRows("Executive summary")
		if err != nil {
			t.Fatal(err)
		}
		var firsts []string
		for _, r := range rows {
			if len(r) > 0 {
				firsts = append(firsts, r[0])
			}
			for _, v := range r {
				if strings.Contains(v, "SHA-256") || strings.Contains(v, "1.2.3-test") {
					if !strings.HasPrefix(r[0], "About this report") {
						t.Errorf("%s: provenance on the executive page: %q", in.Name, v)
					}
				}
			}
		}
		for _, w := range []string{"Organisation", "Report", "Period covered", "Date", "Where the ISMS stands", "Decisions requested", "Top exceptions", "Contents"} {
			if !slices.Contains(firsts, w) {
				t.Errorf("%s: the executive page has no %q", in.Name, w)
			}
		}
		if v := rowWith(t, f, "About this report", "App version")[1]; v != "ISMS Desk 1.2.3-test" {
			t.Errorf("%s: app version %q", in.Name, v)
		}
	}
}

// TestDecisionsRequested: the executive page asks to escalate every overdue action (up to
// five by name, the rest counted) and to approve every proposed objective.
func TestDecisionsRequested(t *testing.T) {
	db := demoDB(t)
	var late, proposed []string
	err := db.View(func(tx *store.Tx) error {
		if err := tx.Each(isms.KindAction, func(r isms.Record) error {
			if a := r.(*isms.Action); a.Overdue(today) {
				late = append(late, a.Ref)
			}
			return nil
		}); err != nil {
			return err
		}
		return tx.Each(isms.KindObjective, func(r isms.Record) error {
			if o := r.(*isms.Objective); o.Status == isms.ObjectiveProposed {
				proposed = append(proposed, o.Ref)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(late) == 0 || len(proposed) == 0 {
		t.Fatalf("the demo has %d overdue actions and %d proposed objectives", len(late), len(proposed))
	}
	f := export(t, db, "kpi-dashboard", opts(""))
	rows, err := f.GetRows("Executive summary")
	if err != nil {
		t.Fatal(err)
	}
	asked := map[string][]string{}
	more := 0
	for _, r := range rows {
		if len(r) >= 2 && strings.HasPrefix(r[0], "Escalate the overdue action") || len(r) >= 2 && r[0] == "Approve the objective" {
			asked[r[0]] = append(asked[r[0]], r[1])
		}
		if len(r) >= 3 && r[0] == "" && strings.HasPrefix(r[2], "and ") {
			more++
		}
	}
	got := asked["Escalate the overdue action"]
	if want := min(len(late), 5); len(got) != want {
		t.Errorf("overdue actions asked about: %v, want %d of %v", got, want, late)
	}
	for _, ref := range got {
		if !slices.Contains(late, ref) {
			t.Errorf("%s is not overdue", ref)
		}
	}
	if !slices.Equal(asked["Approve the objective"], proposed) {
		t.Errorf("objectives to approve %v, want %v", asked["Approve the objective"], proposed)
	}
}

// TestChangeSinceLastExport: an export that remembers its figures makes the next export
// show each figure's change since then; one that does not remember leaves the last
// export as it was.
func TestChangeSinceLastExport(t *testing.T) {
	db := demoDB(t)
	o := opts("")
	figs := figures(t, export(t, db, "corrective-actions", o))
	if figs["Actions overdue"][1] != "First export" {
		t.Fatalf("first export: %v", figs)
	}
	// not remembered: still the first export
	figs = figures(t, export(t, db, "corrective-actions", o))
	if figs["Actions overdue"][1] != "First export" {
		t.Errorf("an export without Remember was kept: %v", figs["Actions overdue"])
	}
	o.Remember = true
	export(t, db, "corrective-actions", o)
	stored := ""
	if err := db.View(func(tx *store.Tx) (err error) {
		stored, err = tx.Setting(report.SettingLastExport + "corrective-actions")
		return err
	}); err != nil || stored == "" {
		t.Fatalf("nothing stored (%v)", err)
	}

	// One overdue action is done: one fewer, which is better.
	err := db.Update(func(tx *store.Tx) error {
		var late *isms.Action
		if err := tx.Each(isms.KindAction, func(r isms.Record) error {
			if a := r.(*isms.Action); late == nil && a.Overdue(today) {
				late = a
			}
			return nil
		}); err != nil {
			return err
		}
		if err := late.Complete(today); err != nil {
			return err
		}
		return tx.Put(late, "test")
	})
	if err != nil {
		t.Fatal(err)
	}
	figs = figures(t, export(t, db, "corrective-actions", opts("")))
	if got := figs["Actions overdue"][1]; got != "−1 since 2025-06-15 (better)" {
		t.Errorf("change of the overdue actions: %q", got)
	}
	if got := figs["Open nonconformities"][1]; got != "No change since 2025-06-15" {
		t.Errorf("change of the open nonconformities: %q", got)
	}
	// another report has its own last export
	if got := figures(t, export(t, db, "risks", opts("")))["Actions overdue"][1]; got != "First export" {
		t.Errorf("the risk register's first export says %q", got)
	}
	if v := rowWith(t, export(t, db, "corrective-actions", opts("")), "About this report", "Previous export")[1]; !strings.HasPrefix(v, "2025-06-15 10:00") {
		t.Errorf("previous export %q", v)
	}
}

// selectedTabs lists the worksheet parts of a workbook that are marked as the selected tab.
func selectedTabs(t *testing.T, data []byte) []string {
	t.Helper()
	var out []string
	for name, part := range parts(t, data) {
		if strings.HasPrefix(name, "xl/worksheets/sheet") &&
			(strings.Contains(part, `tabSelected="true"`) || strings.Contains(part, `tabSelected="1"`)) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}
