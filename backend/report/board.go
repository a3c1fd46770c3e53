package report

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// A board view is the first sheet of a register report: the register in at most
// maxBoardCols columns that a board member reads on paper, A4 landscape at 100% (its
// columns together are at most maxBoardWidth characters wide, so fitting it to the page
// width does not shrink its 11-point text), records named with their titles, the columns
// that hold nothing in any row left out, and "None in this period" when there is no row.
// The full register follows it.

const (
	maxBoardCols  = 9
	maxBoardWidth = 120
	noneInPeriod  = "None in this period"
	boardSuffix   = " (board view)"
)

// plain is a text written on one line without wrapping (it may run over empty cells).
type plain string

// boardSheet returns a board view sheet named "<name> (board view)" of the rows.
func boardSheet(name, about string, cols []column, rows [][]any) sheet {
	return boardSheetOf(name, about, cols, func(emit func(...any) error) error {
		for _, r := range rows {
			if err := emit(r...); err != nil {
				return err
			}
		}
		return nil
	})
}

// boardSheetOf is boardSheet of the rows that rows emits, for a register too large to
// hold its board view's rows: rows runs once to find the columns that hold a value, then
// again as the sheet is written (on another goroutine), and must emit the same rows.
func boardSheetOf(name, about string, cols []column, rows func(emit func(...any) error) error) sheet {
	return sheet{Name: name + boardSuffix, About: about + " In at most " + fmt.Sprint(maxBoardCols) +
		" columns, printed on A4 landscape at full size; the full register follows.", Table: boardTable(cols, rows)}
}

// boardTable keeps the columns that hold a value in some row (all of them when there
// are no rows: the table then says "None in this period").
func boardTable(cols []column, rows func(emit func(...any) error) error) *table {
	holds := make([]bool, len(cols))
	n := 0
	_ = rows(func(vals ...any) error { // emit never fails
		n++
		for i, v := range vals {
			holds[i] = holds[i] || holdsValue(v)
		}
		return nil
	})
	var keep []int
	for i := range cols {
		if n == 0 || holds[i] {
			keep = append(keep, i)
		}
	}
	out := make([]column, len(keep))
	for j, i := range keep {
		out[j] = cols[i]
	}
	return &table{Board: true, Cols: out, N: max(n, 1), Rows: func(emit func(...any) error) error {
		if n == 0 {
			vals := make([]any, len(out))
			vals[0] = plain(noneInPeriod)
			return emit(vals...)
		}
		vals := make([]any, len(keep))
		return rows(func(row ...any) error {
			for j, i := range keep {
				vals[j] = row[i]
			}
			return emit(vals...)
		})
	}}
}

// holdsValue reports whether a board view cell holds a value.
func holdsValue(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case string:
		return strings.TrimSpace(v) != ""
	case isms.Date:
		return v != ""
	}
	return true
}

// titled names a record for people: its reference and title, e.g. "POL-01 Information
// security policy"; "" for no record.
func (s *snap) titled(k isms.Kind, id string) string {
	if id == "" {
		return ""
	}
	r, ok := s.byID[k][id]
	if !ok {
		return "(deleted " + string(k) + ")"
	}
	t := r.Terms()
	return strings.TrimSpace(t.Ref + " " + t.Title)
}

// titledList names records with their titles, one a line.
func (s *snap) titledList(k isms.Kind, ids []string) string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id != "" {
			out = append(out, s.titled(k, id))
		}
	}
	return strings.Join(out, "\n")
}

// short cuts a title to n characters with an ellipsis.
func short(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// boardRequirements is the requirements register's board view.
func boardRequirements(s *snap) sheet {
	cols := []column{{Name: "Reference", Width: 11}, {Name: "Requirement", Width: 26}, {Name: "Source", Width: 13},
		{Name: "Owner", Width: 15}, {Name: "Status", Width: 14, RAG: complianceRAG}, {Name: "Controls", Width: 30},
		{Name: "Due date", Width: 11}}
	reqs := all[*isms.Requirement](s, isms.KindRequirement)
	return boardSheetOf("Requirements", "The requirements with their source, owner, compliance status and the controls that cover them.", cols,
		func(emit func(...any) error) error {
			for _, r := range reqs {
				src := isms.RequirementSources.Label(r.SourceType)
				if r.Source != "" {
					src = strings.TrimSpace(src + ": " + r.Source)
				}
				status := isms.ComplianceStatuses.Label(r.Status)
				if !r.Applicable {
					status = notApplicable
				}
				if err := emit(r.Ref, r.Title, src, s.name(r.OwnerID), status, s.titledList(isms.KindControl, r.ControlIDs), r.DueDate); err != nil {
					return err
				}
			}
			return nil
		})
}

// boardSoA is the Statement of Applicability's board view.
func boardSoA(s *snap) sheet {
	ev := evidencedControls(s)
	cols := []column{{Name: "Control", Width: 9}, {Name: "Title", Width: 32}, {Name: "Theme", Width: 14},
		{Name: "Applicability", Width: 14, RAG: applicabilityRAG}, {Name: "Status", Width: 14, RAG: implRAG},
		{Name: "Owner", Width: 16}, {Name: "Due date", Width: 11}, {Name: "Evidence", Width: 10, RAG: map[string]string{"None": ragAmber}}}
	var rows [][]any
	for _, c := range controlsInOrder(s) {
		evidence := any(nil)
		if c.Applicability == isms.ApplicabilityApplicable && c.Status == isms.ImplImplemented {
			evidence = "None"
			if ev[c.ID] || strings.TrimSpace(c.Evidence) != "" {
				evidence = "Yes"
			}
		}
		rows = append(rows, []any{c.Ref, c.Title, themeLabel(c), isms.Applicabilities.Label(c.Applicability),
			isms.ImplementationStatuses.Label(c.Status), s.name(c.OwnerID), c.DueDate, evidence})
	}
	return boardSheet("SoA", "Every control with its applicability, implementation status, owner, due date and whether an implemented control has evidence.", cols, rows)
}

// boardAssets is the asset inventory's board view.
func boardAssets(s *snap) sheet {
	cols := []column{{Name: "Reference", Width: 10}, {Name: "Asset", Width: 28}, {Name: "Type", Width: 13},
		{Name: "Owner", Width: 16}, {Name: "Classification", Width: 14}, {Name: "Status", Width: 10, RAG: assetStatusRAG},
		{Name: "Risks", Width: 28}}
	var rows [][]any
	for _, a := range all[*isms.Asset](s, isms.KindAsset) {
		var risks []string
		for _, id := range a.RiskIDs {
			if r, ok := get[*isms.Risk](s, isms.KindRisk, id); ok {
				risks = append(risks, r.Ref+" "+short(r.Title, 22))
			}
		}
		rows = append(rows, []any{a.Ref, a.Name, isms.AssetTypes.Label(a.Type), s.name(a.OwnerID),
			isms.Classifications.Label(a.Classification), isms.AssetStatuses.Label(a.Status), strings.Join(risks, "\n")})
	}
	return boardSheet("Assets", "The assets with their type, owner, classification, status and the risks to them.", cols, rows)
}

// boardCorrective is the corrective action tracker's board view.
func boardCorrective(s *snap) sheet {
	cols := []column{{Name: "Reference", Width: 10}, {Name: "Nonconformity", Width: 28}, {Name: "Grade", Width: 8},
		{Name: "Owner", Width: 15}, {Name: "Stage", Width: 15, RAG: ncRAG}, {Name: "Due date", Width: 11},
		{Name: "Age (days)", Width: 7}, {Name: "Overdue", Width: 9, RAG: overdueRAG}, {Name: "Still needed to close", Width: 17}}
	var rows [][]any
	for _, n := range all[*isms.Nonconformity](s, isms.KindNonconformity) {
		rows = append(rows, []any{n.Ref, n.Title, ncGrade(s, n), s.name(n.OwnerID), isms.NonconformityStatuses.Label(n.Status),
			n.DueDate, ncAge(n, s.today), overdue(ncOverdue(n, s.today)), stepsToClose(n)})
	}
	return boardSheet("Nonconformities", "The nonconformities with their grade, owner, stage, due date, age and what is still needed to close them.", cols, rows)
}

// ncGrade is a nonconformity's grade from its finding: "Major", "Minor" or "".
func ncGrade(s *snap, n *isms.Nonconformity) string {
	if _, ok := majorFinding(s, n); ok {
		return "Major"
	}
	if f, ok := get[*isms.Finding](s, isms.KindFinding, n.FindingID); ok && f.Severity == isms.SeverityMinor {
		return "Minor"
	}
	return ""
}

// boardKPIs is the KPI register's board view: each KPI's latest value against target.
func boardKPIs(s *snap) sheet {
	ser := series(s)
	cols := []column{{Name: "KPI", Width: 8}, {Name: "Name", Width: 28}, {Name: "Objective", Width: 24},
		{Name: "Target", Width: 8}, {Name: "Latest value", Width: 9}, {Name: "Status", Width: 9, RAG: statusRAG},
		{Name: "Trend", Width: 12, RAG: trendRAG}, {Name: "Owner", Width: 16}}
	var rows [][]any
	for _, k := range all[*isms.KPI](s, isms.KindKPI) {
		last, prev := upTo(ser[k.ID], "")
		rows = append(rows, []any{k.Ref, k.Name + unitNote(k), s.titled(isms.KindObjective, k.ObjectiveID), k.Target,
			value(last), ragOf(k, last), trend(k, prev, last), s.name(k.OwnerID)})
	}
	return boardSheet("KPIs", "The KPIs with their objective, target, latest value, status and trend.", cols, rows)
}

// boardTraining is the training register's board view.
func boardTraining(s *snap) sheet {
	lacking := map[string]int{}
	for _, m := range missingTraining(s) {
		lacking[m.t.ID]++
	}
	attended := map[string]int{}
	for _, a := range all[*isms.Attendance](s, isms.KindAttendance) {
		if a.Status == isms.AttendanceAttended {
			attended[a.TrainingID]++
		}
	}
	cols := []column{{Name: "Reference", Width: 10}, {Name: "Topic", Width: 30}, {Name: "Date", Width: 11},
		{Name: "Status", Width: 11}, {Name: "Required", Width: 9}, {Name: "Audience roles", Width: 22},
		{Name: "Attended", Width: 9}, {Name: "Still to attend", Width: 9, RAG: nil}}
	var rows [][]any
	for _, t := range all[*isms.Training](s, isms.KindTraining) {
		var roles []string
		for _, id := range t.RoleIDs {
			roles = append(roles, s.ref(isms.KindRole, id))
		}
		var still any
		if t.Required && t.Status != isms.TrainingCancelled {
			still = lacking[t.ID]
		}
		rows = append(rows, []any{t.Ref, t.Topic, t.Date, isms.TrainingStatuses.Label(t.Status), t.Required,
			strings.Join(roles, "\n"), attended[t.ID], still})
	}
	return boardSheet("Training", "The training sessions with their audience, how many attended and, for a required training, how many people in its audience still lack it.", cols, rows)
}

// approval names who owns or approved a report, for its document control: the review's
// chair (its signer once signed off), the audit's lead auditor, else the people who hold
// the ISMS Manager role, who keep the registers.
func approval(s *snap, name string) string {
	switch name {
	case "management-review":
		r, err := pickReview(s)
		if err != nil {
			break
		}
		if r.SignOff.ByID != "" {
			return "Approved by " + s.name(r.SignOff.ByID) + " on " + string(r.SignOff.On)
		}
		if r.ChairID != "" {
			return "Owner: " + s.name(r.ChairID) + " (chair)"
		}
	case "audit":
		a, ok := theAudit(s)
		if !ok {
			break
		}
		who := s.name(a.AuditorID)
		if a.AuditorID == "" {
			who = a.AuditorName
		}
		if who != "" {
			return "Owner: " + who + " (lead auditor)"
		}
	}
	var ids []string
	for _, r := range all[*isms.Role](s, isms.KindRole) {
		if r.Name == isms.RoleISMSManager {
			for _, p := range all[*isms.Person](s, isms.KindPerson) {
				if p.Active && slices.Contains(p.RoleIDs, r.ID) {
					ids = append(ids, p.ID)
				}
			}
		}
	}
	if len(ids) == 0 {
		return "Owner: the ISMS Manager (no one holds the role)"
	}
	return "Owner: " + s.names(ids) + " (" + isms.RoleISMSManager + ")"
}
