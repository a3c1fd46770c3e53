package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
	"github.com/ismsdesk/ismsdesk/backend/xlsx/xlsxtest"
)

// TestDamagedFilesRefused imports a good register, then copies of it damaged in each way
// the reader checks, and a UTF-8 CSV with two bad bytes: each damaged file is refused
// with a message naming the file and the part or rows, and nothing is stored.
func TestDamagedFilesRefused(t *testing.T) {
	db := openDB(t, "")
	dir := t.TempDir()
	good := filepath.Join(dir, "good.xlsx")
	writeBook(t, good, 1, register("Omar Haddad", "Gap"))
	if p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: good}); p.Counts.Created != 3 {
		t.Fatalf("the good register plans %+v", p.Counts)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	type bad struct{ name, want, part string }
	var files []bad
	for _, d := range xlsxtest.DamagedBooks(t, data) {
		if err := os.WriteFile(filepath.Join(dir, d.Name), d.Data, 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, bad{d.Name, d.Want, d.Part})
	}
	csv := "Ref;Title;Requirement;Owner\nGDPR-32;Sécurité du traitement;Des mesures appropriées;Jane\n" +
		"GDPR-33;Violation de donn\xe9es;Notifier sous 72 heures;Omar\nNIS2-21;Mesures;Art. 21;Jo\xffe\n"
	if err := os.WriteFile(filepath.Join(dir, "donnees.csv"), []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	files = append(files, bad{"donnees.csv", "at row 3 column B and row 4 column D", ""})

	people := count(t, db, isms.KindPerson)
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			p, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindRequirements, File: filepath.Join(dir, f.name)})
			if err == nil {
				t.Fatalf("planned %+v, want a refusal", p.Counts)
			}
			if isms.ErrorCode(err) != isms.CodeInvalid || !strings.Contains(err.Error(), f.name) ||
				!strings.Contains(err.Error(), f.want) || !strings.Contains(err.Error(), f.part) {
				t.Errorf("refusal %q (code %s) should name %s and %q and say %q", err, isms.ErrorCode(err), f.name, f.part, f.want)
			}
		})
	}
	if n := count(t, db, isms.KindRequirement); n != 0 {
		t.Errorf("%d requirements stored", n)
	}
	if n := count(t, db, isms.KindPerson); n != people {
		t.Errorf("%d people stored, want %d", n, people)
	}
}
