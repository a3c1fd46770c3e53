package search

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/isms/ismstest"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

func openStore(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var testEnums = map[string][]isms.Option{
	"policyStatuses": isms.PolicyStatuses, "docTypes": isms.DocTypes,
	"checklistResults": isms.ChecklistResults, "auditStatuses": isms.AuditStatuses,
	"riskStatuses": isms.RiskStatuses,
}

func create(t *testing.T, db *store.DB, recs ...isms.Record) {
	t.Helper()
	err := db.Update(func(tx *store.Tx) error {
		for _, r := range recs {
			if err := tx.Create(r, "test"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func find(t *testing.T, l *Live, q string) []Result {
	t.Helper()
	res, err := l.Search(q)
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return res
}

// found returns the result for the record of kind with id, or nil.
func found(res []Result, kind isms.Kind, id string) *Result {
	for i := range res {
		if res[i].Kind == kind && res[i].ID == id {
			return &res[i]
		}
	}
	return nil
}

func policy(ref, title, text string) *isms.Policy {
	p := ismstest.Valid(isms.KindPolicy).(*isms.Policy)
	p.Ref, p.Title = ref, title
	p.Versions = []isms.PolicyVersion{{Number: "1.0", Summary: "First issue", Text: text, Status: isms.PolicyDraft, CreatedOn: ismstest.Day}}
	return p
}

func TestPolicyTextChecklistUpdateDelete(t *testing.T) {
	db := openStore(t)
	pol := policy("POL-07", "Clear desk policy", "Desks are cleared at the end of the day.\nConfidential papers are shredded in the Aktenvernichter.")
	audit := ismstest.Valid(isms.KindAudit).(*isms.Audit)
	audit.Checklist = []isms.ChecklistItem{
		{Ref: "A.7.7", Question: "Are visitor badges collected at reception?", Result: isms.ChecklistResults[0].Value, Evidence: "Logbook sampled for March"},
	}
	risk := ismstest.Valid(isms.KindRisk).(*isms.Risk)
	create(t, db, pol, audit, risk)

	l := Open(db, Options{Enums: testEnums})
	if err := l.Wait(); err != nil {
		t.Fatal(err)
	}
	if n, _ := l.Stats(); n != 3 {
		t.Fatalf("indexed %d records, want 3", n)
	}

	// A word only the policy's text holds.
	res := find(t, l, "aktenvernichter")
	r := found(res, isms.KindPolicy, pol.ID)
	if len(res) != 1 || r == nil {
		t.Fatalf("policy text: got %+v", res)
	}
	if r.Field != "Policy text (version 1.0)" || !strings.Contains(r.Snippet, "Aktenvernichter") ||
		r.Ref != "POL-07" || r.Title != "Clear desk policy" || r.KindLabel != "Policies" {
		t.Fatalf("policy result: %+v", *r)
	}
	if strings.Contains(r.Snippet, "\n") {
		t.Fatalf("snippet keeps a line break: %q", r.Snippet)
	}

	// A checklist question, and its evidence notes.
	res = find(t, l, "visitor badges")
	if r := found(res, isms.KindAudit, audit.ID); len(res) != 1 || r == nil || r.Field != "Checklist question (A.7.7)" {
		t.Fatalf("checklist question: got %+v", res)
	}
	if r := found(find(t, l, "logbook"), isms.KindAudit, audit.ID); r == nil || r.Field != "Checklist evidence notes (A.7.7)" {
		t.Fatalf("checklist evidence: got %+v", r)
	}

	// An update changes the results: the old word goes, the new one is found.
	err := db.Update(func(tx *store.Tx) error {
		p, err := store.GetAs[*isms.Policy](tx, isms.KindPolicy, pol.ID)
		if err != nil {
			return err
		}
		p.Versions[0].Text = "Confidential papers go into the locked Datenschutztonne."
		return tx.Put(p, "test")
	})
	if err != nil {
		t.Fatal(err)
	}
	if res := find(t, l, "aktenvernichter"); len(res) != 0 {
		t.Fatalf("the replaced word is still found: %+v", res)
	}
	if found(find(t, l, "datenschutztonne"), isms.KindPolicy, pol.ID) == nil {
		t.Fatal("the new word is not found")
	}

	// A delete removes the record from the results.
	err = db.Update(func(tx *store.Tx) error { return tx.Delete(isms.KindAudit, audit.ID, 0, "test") })
	if err != nil {
		t.Fatal(err)
	}
	if res := find(t, l, "visitor"); len(res) != 0 {
		t.Fatalf("a deleted record is found: %+v", res)
	}

	// A record created after the build is found too.
	late := policy("POL-08", "Remote working", "Work from home on a managed laptop.")
	create(t, db, late)
	if found(find(t, l, "remote"), isms.KindPolicy, late.ID) == nil {
		t.Fatal("a new record is not found")
	}
}

func TestFoldingAndPrefix(t *testing.T) {
	db := openStore(t)
	sup := ismstest.Valid(isms.KindRisk).(*isms.Risk)
	sup.Ref, sup.Title = "R-020", "Évaluation des fournisseurs"
	sup.Description = "Die Prüfung der Lieferanten ist überfällig; STRASSE und Straße."
	create(t, db, sup)
	l := Open(db, Options{Enums: testEnums})

	for _, q := range []string{"evaluation", "ÉVALUATION", "Evaluation FOURNISSEURS", "prufung", "PRÜFUNG lieferanten", "strasse", "straße", "r-020", "R-020", "020"} {
		if found(find(t, l, q), isms.KindRisk, sup.ID) == nil {
			t.Errorf("%q does not find the risk", q)
		}
	}
	// The last word matches as a prefix while it is typed…
	if found(find(t, l, "fournisseurs lief"), isms.KindRisk, sup.ID) == nil {
		t.Error("the prefix of the last word does not match")
	}
	// …but not once a space ends it, and earlier words must be whole.
	// A single letter is not a prefix: it would match nearly everything.
	for _, q := range []string{"lief ", "fourn lieferanten", "évaluations", "fournisseurs l"} {
		if res := find(t, l, q); len(res) != 0 {
			t.Errorf("%q matches: %+v", q, res)
		}
	}
	// Every word must occur.
	if res := find(t, l, "fournisseurs nowhere"); len(res) != 0 {
		t.Errorf("a word that no record holds still matches: %+v", res)
	}
}

func TestRankingAndSkippedFields(t *testing.T) {
	db := openStore(t)
	inTitle := ismstest.Valid(isms.KindRisk).(*isms.Risk)
	inTitle.Ref, inTitle.Title = "R-100", "Backup failure"
	inBody := ismstest.Valid(isms.KindRisk).(*isms.Risk)
	inBody.Ref, inBody.Title, inBody.Description = "R-101", "Data centre outage", "Restores from the backup are slow."
	byPrefix := ismstest.Valid(isms.KindRisk).(*isms.Risk)
	byPrefix.Ref, byPrefix.Title, byPrefix.Description = "R-102", "Cloud provider exit", "Backups kept by the provider only."
	pol := policy("POL-01", "Backup policy", "Keep three copies.")
	create(t, db, byPrefix, inBody, inTitle, pol)
	l := Open(db, Options{Enums: testEnums})

	res := find(t, l, "backup")
	var order []string
	for _, r := range res {
		order = append(order, r.Ref)
	}
	// Grouped by kind (the policy first: its title matches and policies are indexed before
	// risks), and within the risks: the title, then the exact word, then the prefix.
	if got, want := strings.Join(order, " "), "POL-01 R-100 R-101 R-102"; got != want {
		t.Fatalf("order %q, want %q", got, want)
	}
	if res[1].Field != "Title" || res[2].Field != "Description" || res[2].Snippet != "Restores from the backup are slow." {
		t.Fatalf("fields: %+v", res[1:3])
	}

	// Enum codes, IDs and dates are not words of a record.
	for _, q := range []string{isms.PolicyDraft, isms.RiskIdentified, pol.ID, string(ismstest.Day), "2025"} {
		if res := find(t, l, q); len(res) != 0 {
			t.Errorf("%q matches %+v", q, res)
		}
	}
}

// A batch rolled back after part of it was committed leaves no trace in the results.
func TestRolledBackBatch(t *testing.T) {
	db := openStore(t)
	l := Open(db, Options{Enums: testEnums})
	if len(find(t, l, "anything")) != 0 {
		t.Fatal("an empty store finds something")
	}
	big := strings.Repeat("filler text ", 300_000) // over half a transaction: the batch commits a part
	var seenMidway bool
	fail := errors.New("stop")
	err := db.Batch(func(b *store.Batch) error {
		for i := 0; i < 2; i++ {
			r := ismstest.Valid(isms.KindRisk).(*isms.Risk)
			r.Ref, r.Title, r.Description = "R-9"+string(rune('0'+i)), "Quokka incident", big
			if err := b.Do(func(tx *store.Tx) error { return tx.Create(r, "test") }); err != nil {
				return err
			}
		}
		seenMidway = len(find(t, l, "quokka")) > 0
		return fail
	})
	if !errors.Is(err, fail) {
		t.Fatalf("batch: %v", err)
	}
	if !seenMidway {
		t.Fatal("the test needs the batch to commit part of its work before it fails")
	}
	if res := find(t, l, "quokka"); len(res) != 0 {
		t.Fatalf("records of a rolled-back batch are found: %d", len(res))
	}
	create(t, db, policy("POL-02", "Quokka care", "Feed daily."))
	if res := find(t, l, "quokka"); len(res) != 1 || res[0].Ref != "POL-02" {
		t.Fatalf("after the rollback: %+v", res)
	}
}

func TestCut(t *testing.T) {
	long := strings.Repeat("alpha beta gamma delta ", 30) + "needle " + strings.Repeat("epsilon zeta eta theta ", 30)
	i := strings.Index(long, "needle")
	s := cut(long, i, i+len("needle"))
	if n := utf8.RuneCountInString(s); n > SnippetLen {
		t.Fatalf("snippet of %d characters", n)
	}
	if !strings.Contains(s, "needle") || !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") {
		t.Fatalf("snippet %q", s)
	}
	end := strings.Repeat("word ", 100) + "needle"
	i = strings.Index(end, "needle")
	if s := cut(end, i, len(end)); !strings.HasSuffix(s, "needle") || utf8.RuneCountInString(s) > SnippetLen {
		t.Fatalf("snippet at the end %q", s)
	}
	if s := cut("short\ntext", 0, 5); s != "short text" {
		t.Fatalf("short text %q", s)
	}
}
