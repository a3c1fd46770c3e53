package xlsx

import (
	"maps"
	"testing"
)

// TestAcknowledgementHeaders maps the headers of typical acknowledgement lists (an HR
// export, an e-signature report, FR/DE/ES sheets) to person, e-mail, policy and date.
func TestAcknowledgementHeaders(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  map[string]string
	}{
		{[]string{"Name", "Email", "Policy", "Date"}, map[string]string{"person": "A", "email": "B", "policy": "C", "date": "D"}},
		{[]string{"Employee", "Policy reference", "Acknowledged on"}, map[string]string{"person": "A", "policy": "B", "date": "C"}},
		{[]string{"Staff", "E-mail", "Document", "Signed on"}, map[string]string{"person": "A", "email": "B", "policy": "C", "date": "D"}},
		{[]string{"Policy ID", "Person", "Date signed"}, map[string]string{"policy": "A", "person": "B", "date": "C"}},
		{[]string{"E-mail", "Policy", "Acknowledged"}, map[string]string{"email": "A", "policy": "B", "date": "C"}},
		{[]string{"Nom", "Courriel", "Politique", "Date de signature"}, map[string]string{"person": "A", "email": "B", "policy": "C", "date": "D"}},
		{[]string{"Mitarbeiter", "E-Mail-Adresse", "Richtlinie", "Bestätigt am"}, map[string]string{"person": "A", "email": "B", "policy": "C", "date": "D"}},
		{[]string{"Empleado", "Correo electrónico", "Política", "Fecha de firma"}, map[string]string{"person": "A", "email": "B", "policy": "C", "date": "D"}},
		{[]string{"#", "Full name", "Policy title", "Department"}, map[string]string{"person": "B", "policy": "C"}},
	} {
		h := Header{Row: 1, Rows: 1}
		for i, n := range c.names {
			h.Columns = append(h.Columns, Column{Index: i, Letter: ColumnLetter(i), Name: n})
		}
		m, err := ProposeMapping(KindAcknowledgements, h)
		if err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(m.Columns, c.want) {
			t.Errorf("%q mapped to %v, want %v", c.names, m.Columns, c.want)
		}
		if pr := m.Check(h); len(pr) != 0 {
			t.Errorf("%q: mapping problems %v", c.names, pr)
		}
	}
	// neither a name nor an e-mail column: the person is asked for
	h := Header{Row: 1, Rows: 1, Columns: []Column{{Index: 0, Letter: "A", Name: "Policy"}, {Index: 1, Letter: "B", Name: "Date"}}}
	m, _ := ProposeMapping(KindAcknowledgements, h)
	if pr := m.Check(h); len(pr) != 1 || pr[0].Field != "person" {
		t.Errorf("no person column: problems %v", pr)
	}
}

// TestAcknowledgementRows reads the rows: the date is optional, the person (name or
// e-mail) and the policy are required, each problem on its column.
func TestAcknowledgementRows(t *testing.T) {
	csv := "Name,E-mail,Policy,Signed on\n" +
		"Ada  Lovelace,ada@example.com,POL-01,03/02/2026\n" +
		",grace@example.com,Information security policy,\n" +
		"Alan Turing,,,2026-02-30\n" +
		",not-an-address,POL-02,\n"
	g := readGrid(t, openBytes(t, "acks.csv", []byte(csv)), "")
	h, err := DetectHeader(g)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ProposeMapping(KindAcknowledgements, h)
	if err != nil {
		t.Fatal(err)
	}
	m.Locale.DayFirst = true
	res, err := Rows(KindAcknowledgements, h, g, m)
	if err != nil || len(res) != 4 {
		t.Fatalf("rows %v, %v", res, err)
	}
	a := res[0].Record.(*AcknowledgementRow)
	if !res[0].Valid() || *a != (AcknowledgementRow{PersonName: "Ada Lovelace", PersonEmail: "ada@example.com", Policy: "POL-01", Date: "2026-02-03"}) {
		t.Errorf("row 2 = %+v %v", a, res[0].Problems)
	}
	b := res[1].Record.(*AcknowledgementRow)
	if !res[1].Valid() || b.PersonEmail != "grace@example.com" || b.Policy != "Information security policy" || b.Date != "" {
		t.Errorf("row 3 = %+v %v", b, res[1].Problems)
	}
	got := map[string]bool{}
	for _, r := range res[2:] {
		for _, p := range r.Problems {
			got[p.Field+"@"+p.Column] = true
		}
	}
	for _, w := range []string{"policy@C", "date@D", "email@B"} {
		if !got[w] {
			t.Errorf("problems %v lack %s", got, w)
		}
	}
}
