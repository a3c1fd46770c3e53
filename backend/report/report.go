// Package report assembles ISMS Desk's Excel reports from live records and writes them
// with excelize: the management review pack, the internal audit report, the Statement of
// Applicability, the requirement register and gap analysis, the risk register with heat
// maps, the asset inventory, the KPI board dashboard with native charts, training and
// awareness records and the corrective action tracker.
//
// Every report reads a snapshot of the records it needs in one read transaction and
// follows the same workbook conventions (book.go): an executive page first (cover.go,
// executive.go) naming the organisation, its ISMS scope and classification label when
// they are set, the period and the date, with headline figures, decisions requested and
// the top assurance exceptions; a closing "About this report" sheet with the app's
// version and a SHA-256 of the records the report was built from; a board view before
// each register (board.go: few columns, printed at full size on A4 landscape, records
// named with their titles); table sheets with a frozen, filtered header row; real dates;
// red/amber/green status colours; landscape print set-up with repeated header rows and
// the document control (classification, version, owner, date) in every page header and
// footer; charts that carry their values (charts.go); and document properties. The pack
// of a held management review is the review as presented (presented.go). Preview works
// out a report's executive page for the window with the same code.
// Text that came from users is always written as text, never as a formula, and no
// workbook contains an external link.
package report

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/buildinfo"
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// Meta is what a report's cover sheet and document properties say about it.
type Meta struct {
	Organisation   string    `json:"organisation"`                 // whose ISMS
	Scope          string    `json:"scope"`                        // the ISMS scope statement (4.3); "" when not set
	Classification string    `json:"classification"`               // the label the organisation prints on reports, e.g. "Confidential"; "" when not set
	Title          string    `json:"title"`                        // the report's title, e.g. "Statement of Applicability"
	Period         string    `json:"period"`                       // the period covered, e.g. "2025-03-17 to 2025-06-15" or "As at 2025-06-15"
	GeneratedAt    time.Time `json:"generatedAt" ts_type:"string"` // when the report was built
	Version        string    `json:"version"`                      // the app's version
	SHA256         string    `json:"sha256"`                       // SHA-256 of the records it was built from (see snapshot)
	Records        int       `json:"records"`                      // how many records that is
	Edition        int       `json:"edition"`                      // the report's version: its export count, this one included
	Approval       string    `json:"approval"`                     // who owns or approved it, e.g. "Owner: Priya Shah (ISMS Manager)"
	AsPresented    bool      `json:"asPresented"`                  // a held review's pack, built from the review as presented (SHA256 is the review record's)
	HistorySeq     uint64    `json:"historySeq"`                   // the change history's last entry when the report was built
	HistoryHead    string    `json:"historyHead"`                  // its hash: the chain head that Data & backup and "ismsdesk verify" show
}

// Info describes a report for the reports screen and the command line.
type Info struct {
	Name    string    `json:"name"`    // the report's name, e.g. "soa"
	Title   string    `json:"title"`   // the report's title for people
	About   string    `json:"about"`   // one sentence on what it contains
	NeedsID bool      `json:"needsId"` // whether a record must be chosen (Options.ID)
	IDKind  isms.Kind `json:"idKind"`  // the kind of record Options.ID names, "" when none
}

// Options are the parameters of one export.
type Options struct {
	ID           string                // the record the report is about (audit, review); an ID or a reference
	Now          time.Time             // the time of generation; zero means time.Now()
	Version      string                // the app's version; "" means buildinfo.Version
	Organisation string                // the organisation's name; "" means the stored setting
	Progress     func(done, total int) // called as the workbook is written; may be nil
	// Remember keeps the executive page's headline figures as this report's last export
	// (SettingLastExport), for the next export to show their change: the window and the
	// command line set it; a preview or a test does not.
	Remember bool
}

// The settings the cover sheet reads: the organisation's name, its ISMS scope statement
// and the classification label printed on reports (plain text values). They are the
// store's organisation settings, read with the risk method through tx.Organisation.
const (
	SettingOrganisation   = store.SettingOrgName
	SettingScope          = store.SettingOrgScope
	SettingClassification = store.SettingOrgClassification
)

// builder assembles the sheets of one report from a snapshot.
type builder func(s *snap) (title, period string, sheets []sheet, err error)

// spec is one report of the catalogue.
type spec struct {
	Info
	kinds []isms.Kind // the kinds the report reads
	build builder
}

var specs = []spec{
	{Info{"management-review", "Management review pack", "One sheet per clause 9.3.2 input with live data, then minutes, decisions and the action list of one review (default: the latest; a held review as it was presented).", false, isms.KindReview},
		[]isms.Kind{isms.KindReview, isms.KindAction, isms.KindIssue, isms.KindParty, isms.KindNonconformity, isms.KindKPI, isms.KindMeasurement,
			isms.KindAudit, isms.KindFinding, isms.KindObjective, isms.KindFeedback, isms.KindSurvey, isms.KindRisk, isms.KindControl,
			isms.KindImprovement, isms.KindRequirement, isms.KindPerson}, buildReview},
	{Info{"audit", "Internal audit report", "Scope, criteria, auditor, checklist results, findings, nonconformities raised and their corrective actions for one audit.", true, isms.KindAudit},
		[]isms.Kind{isms.KindAudit, isms.KindFinding, isms.KindNonconformity, isms.KindAction, isms.KindPerson}, buildAudit},
	{Info{"soa", "Statement of Applicability", "Every Annex A and custom control with applicability, justification, implementation status, owner, linked risks and requirements; a summary by theme.", false, ""},
		[]isms.Kind{isms.KindControl, isms.KindRisk, isms.KindRequirement, isms.KindKPI, isms.KindEvidence, isms.KindPerson}, buildSoA},
	{Info{"requirements", "Requirements register", "The register of legal, regulatory, contractual and business requirements, in the layout the import reads back.", false, ""},
		[]isms.Kind{isms.KindRequirement, isms.KindPerson}, buildRequirements},
	{Info{"gap-analysis", "Requirements gap analysis", "Each requirement's compliance status, the controls and evidence that cover it and what is missing, with totals by source type.", false, ""},
		[]isms.Kind{isms.KindRequirement, isms.KindControl, isms.KindPolicy, isms.KindPerson}, buildGap},
	{Info{"risks", "Risk register and treatment plan", "The risk register, the treatment plan with controls and actions, and inherent and residual heat maps.", false, ""},
		[]isms.Kind{isms.KindRisk, isms.KindControl, isms.KindAction, isms.KindPerson}, buildRisks},
	{Info{"assets", "Asset inventory", "Every information and other associated asset with its type, owner, custodian, location, classification, linked risks and controls, in the layout the import reads back.", false, ""},
		[]isms.Kind{isms.KindAsset, isms.KindRisk, isms.KindControl, isms.KindPerson}, buildAssets},
	{Info{"kpi-dashboard", "ISMS board dashboard", "Objectives and KPIs against target with native charts: KPI trends, SoA implementation by theme, nonconformities by status.", false, ""},
		[]isms.Kind{isms.KindObjective, isms.KindKPI, isms.KindMeasurement, isms.KindControl, isms.KindNonconformity, isms.KindPerson}, buildDashboard},
	{Info{"training", "Training and awareness records", "Training sessions, attendance, who still lacks a required training, awareness campaigns and the communication log.", false, ""},
		[]isms.Kind{isms.KindTraining, isms.KindAttendance, isms.KindCampaign, isms.KindCommunication, isms.KindPerson, isms.KindRole}, buildTraining},
	{Info{"corrective-actions", "Corrective action tracker", "Nonconformities with every clause 10.2 step, ages and overdue flags, and their corrective actions.", false, ""},
		[]isms.Kind{isms.KindNonconformity, isms.KindAction, isms.KindFinding, isms.KindReview, isms.KindFeedback, isms.KindPerson}, buildCorrective},
}

// Names lists the reports in the order the product presents them.
func Names() []Info {
	out := make([]Info, len(specs))
	for i, s := range specs {
		out[i] = s.Info
	}
	return out
}

func lookup(name string) (spec, error) {
	for _, s := range specs {
		if s.Name == name {
			return s, nil
		}
	}
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = s.Name
	}
	return spec{}, isms.Errorf(isms.CodeInvalid, "unknown report %q; the reports are %v", name, names)
}

// Write builds the named report from the records in db and writes it as an .xlsx
// workbook to w. An unknown name gives an *isms.Error with CodeInvalid; a record that
// Options.ID does not name (or a missing ID where one is needed) gives CodeNotFound.
// Write stops with ctx's error when ctx is cancelled.
func Write(ctx context.Context, db *store.DB, name string, opts Options, w io.Writer) error {
	p, err := prepare(ctx, db, name, opts)
	if err != nil {
		return err
	}
	if err := newBook(ctx, p.meta, opts.Progress).write(p.sheets, p.sum, w); err != nil {
		return err
	}
	if !opts.Remember {
		return nil
	}
	return db.Update(func(tx *store.Tx) error {
		return keepLastExport(tx, name, p.meta.GeneratedAt, p.sum.Figures, p.meta.Edition)
	})
}

// prepared is a report worked out and ready to write: its cover's facts, its sheets and
// its executive page.
type prepared struct {
	meta   Meta
	sheets []sheet
	sum    summary
}

// prepare reads the records of the named report in one transaction and works out its
// sheets and executive page: what Write writes and Preview shows.
func prepare(ctx context.Context, db *store.DB, name string, opts Options) (*prepared, error) {
	sp, err := lookup(name)
	if err != nil {
		return nil, err
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	var s *snap
	var prev *lastExport
	var histSeq uint64
	var histHead string
	err = db.View(func(tx *store.Tx) error {
		var err error
		// load reads the organisation's settings too: name, scope, classification, risk
		// method; every report loads the kinds of its executive page as well.
		if s, err = load(tx, union(sp.kinds, execKinds), now, opts.ID); err != nil {
			return err
		}
		if s.org, err = organisation(tx, opts.Organisation, s.org); err != nil {
			return err
		}
		if prev, err = readLastExport(tx, name); err != nil {
			return err
		}
		histSeq, histHead, err = tx.HistoryHead()
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	title, period, sheets, err := sp.build(s)
	if err != nil {
		return nil, err
	}
	// Only buildGap reads the gap analysis's items (into maps of its own); the executive
	// page reads its totals and contradictions. Without the items, a register of 100,000
	// requirements is written with some 20 MB less held.
	s.gap.Requirements, s.gap.NotApplicable = nil, nil
	version := opts.Version
	if version == "" {
		version = buildinfo.Version
	}
	p := &prepared{
		meta: Meta{Organisation: s.org, Scope: s.scope, Classification: s.class, Title: title, Period: period, GeneratedAt: now, Version: version,
			SHA256: s.hash, Records: s.count, Edition: edition(prev), Approval: approval(s, name),
			HistorySeq: histSeq, HistoryHead: histHead},
		sheets: sheets,
		sum:    executive(s, name, prev),
	}
	if s.presented != nil {
		p.meta.SHA256, p.meta.Records, p.meta.AsPresented = presentedHash(s.presented), 1, true
	}
	return p, nil
}

// union returns the kinds of a followed by those of b that a lacks.
func union(a, b []isms.Kind) []isms.Kind {
	out := append([]isms.Kind(nil), a...)
	for _, k := range b {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// organisation returns the name for the cover: the option, else the stored name, else
// the demo organisation's name in a demo database, else a placeholder. The placeholder
// is printed only when no name is given or stored (blank text counts as none).
func organisation(tx *store.Tx, given, stored string) (string, error) {
	if v := strings.TrimSpace(given); v != "" {
		return v, nil
	}
	if v := strings.TrimSpace(stored); v != "" {
		return v, nil
	}
	demo, err := tx.Setting(seed.SettingDemo)
	if err != nil {
		return "", fmt.Errorf("report: unable to read the demo setting: %w", err)
	}
	if demo != "" {
		return seed.DemoOrganisation, nil
	}
	return nameNotSet, nil
}

// nameNotSet is what the cover says when the organisation's name is not set.
const nameNotSet = "(organisation name not set)"

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// labels returns the labels of enum values in the enum's order.
func labels(e isms.Enum) []string {
	out := make([]string, len(e))
	for i, o := range e {
		out[i] = o.Label
	}
	return out
}

// catch, deferred on a goroutine of the report's own, keeps its panic in *p, for rethrow
// to raise it again on the goroutine that waits for it, where the window and the command
// line recover from it.
func catch(p *any) {
	if r := recover(); r != nil {
		*p = r
	}
}

// rethrow raises again a panic that catch kept, if any.
func rethrow(p any) {
	if p != nil {
		panic(p)
	}
}
