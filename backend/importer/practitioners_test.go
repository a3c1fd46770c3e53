package importer

import (
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// TestSectionRowsInTheReferenceColumn: a German risk register whose area headings sit
// alone in the Risiko-ID column: the column is still the reference, the headings are
// sections, and Schadensausmaß, Risikoeigner and Offen are read.
func TestSectionRowsInTheReferenceColumn(t *testing.T) {
	db := openDB(t, "")
	file := writeFile(t, "risiken.csv", "Risiko-ID;Bezeichnung;Eintrittswahrscheinlichkeit;Schadensausmaß;Risikoeigner;Status\n"+
		"Bereich IT-Betrieb;;;;;\nR-01;Ausfall des Servers;hoch;mittel;Thomas Müller;Offen\nR-02;Phishing;mittel;hoch;Anna Schmidt;Offen\n"+
		"Bereich Personal;;;;;\nR-03;Verlust eines Laptops;niedrig;mittel;Anna Schmidt;Offen\n")
	p := prepare(t, db, Request{Kind: xlsx.KindRisks, File: file})
	for f, want := range map[string]string{"ref": "A", "impact": "D", "owner": "E", "status": "F"} {
		if got := p.Mapping.Columns[f]; got != want {
			t.Errorf("%s from %q, want %s", f, got, want)
		}
	}
	if p.Counts.Sections != 2 || p.Counts.Invalid != 0 || p.Counts.Created != 3 {
		t.Fatalf("counts %+v, problems %s", p.Counts, problemsOf(p))
	}
	for _, r := range p.Rows {
		if risk := r.rec.(*isms.Risk); risk.Status != isms.RiskIdentified || strings.HasPrefix(risk.Ref, "Bereich") {
			t.Errorf("row %d: %+v", r.Row, risk)
		}
	}
}

// TestSameArticleOfAnotherLaw: a NIS2 register whose references are article numbers does
// not update the GDPR requirement with the same article number: the row says why.
func TestSameArticleOfAnotherLaw(t *testing.T) {
	db := openDB(t, "")
	commit(t, db, prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "gdpr.csv",
		"Article,Title,Source\nArt. 21,Right to object,GDPR\nArt. 32,Security of processing,GDPR\n")}))
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "nis2.csv",
		"Article,Title,Source\nArt. 21,Cybersecurity risk-management measures,NIS2\nArt. 32,Security of processing,GDPR\n")})
	if p.Counts.Invalid != 1 || p.Counts.Unchanged != 1 || !strings.Contains(problemsOf(p), "requirement of GDPR") {
		t.Fatalf("counts %+v, problems %s", p.Counts, problemsOf(p))
	}
	if got := requirementsByRef(t, db)["Art. 21"]; got.Title != "Right to object" || got.Source != "GDPR" {
		t.Errorf("Art. 21 now %+v", got)
	}
}

// TestControlListsAsPractitionersWriteThem: "A.5.29 / A.5.30" and "A.5.24 (incident
// planning)" name controls.
func TestControlListsAsPractitionersWriteThem(t *testing.T) {
	db := openDB(t, "")
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "r.csv",
		"Ref,Title,Mapped Annex A controls\nR-1,Continuity,A.5.29 / A.5.30\nR-2,Incidents,A.5.24 (incident planning); A.5.26\n")})
	if p.Mapping.Columns["controls"] != "C" || p.Counts.Invalid != 0 {
		t.Fatalf("controls from %q, problems %s", p.Mapping.Columns["controls"], problemsOf(p))
	}
	for _, r := range p.Rows {
		if n := len(r.rec.(*isms.Requirement).ControlIDs); n != 2 {
			t.Errorf("row %d: %d controls, want 2", r.Row, n)
		}
	}
}
