// Package app is the bridge between the window and the backend: one bound service per
// area, the lifecycle hooks that open and close the store, and the error formatter.
// It translates, delegates and returns; the rules live in backend.
package app

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// App owns the open store and the services bound to the window.
type App struct {
	dataDir string
	log     *slog.Logger
	clock   func() time.Time

	mu      sync.RWMutex
	ctx     context.Context
	db      *store.DB
	openErr error

	Requirements *RequirementService
	Records      *RecordService
	Dashboard    *DashboardService
	System       *SystemService
	Import       *ImportService
	Reports      *ReportService

	Organisation   *OrganisationService
	Objectives     *ObjectiveService
	Issues         *IssueService
	Parties        *PartyService
	Policies       *PolicyService
	Controls       *ControlService
	Risks          *RiskService
	Milestones     *MilestoneService
	People         *PersonService
	Roles          *RoleService
	Assets         *AssetService
	Evidence       *EvidenceService
	Trace          *TraceService
	Trainings      *TrainingService
	Attendance     *AttendanceService
	Campaigns      *CampaignService
	Communications *CommunicationService
	KPIs           *KPIService
	Measurements   *MeasurementService
	Audits         *AuditService
	Findings       *FindingService

	Nonconformities *NonconformityService
	Actions         *ActionService
	Improvements    *ImprovementService
	Reviews         *ReviewService
	Surveys         *SurveyService
	Feedback        *FeedbackService
}

// New returns an App over the data folder; the store opens in Startup.
func New(dataDir string, log *slog.Logger) *App {
	a := &App{dataDir: dataDir, log: log, clock: func() time.Time { return time.Now().UTC() }}
	a.Requirements = &RequirementService{app: a}
	a.Records = &RecordService{app: a}
	a.Dashboard = &DashboardService{app: a}
	a.System = &SystemService{app: a}
	a.Import = &ImportService{app: a}
	a.Reports = &ReportService{app: a}
	a.Organisation = &OrganisationService{app: a}
	a.Objectives = &ObjectiveService{app: a}
	a.Issues = &IssueService{app: a}
	a.Parties = &PartyService{app: a}
	a.Policies = &PolicyService{app: a}
	a.Controls = &ControlService{app: a}
	a.Risks = &RiskService{app: a}
	a.Milestones = &MilestoneService{app: a}
	a.People = &PersonService{app: a}
	a.Roles = &RoleService{app: a}
	a.Assets = &AssetService{app: a}
	a.Evidence = &EvidenceService{app: a}
	a.Trace = &TraceService{app: a}
	a.Trainings = &TrainingService{app: a}
	a.Attendance = &AttendanceService{app: a}
	a.Campaigns = &CampaignService{app: a}
	a.Communications = &CommunicationService{app: a}
	a.KPIs = &KPIService{app: a}
	a.Measurements = &MeasurementService{app: a}
	a.Audits = &AuditService{app: a}
	a.Findings = &FindingService{app: a}
	a.Nonconformities = &NonconformityService{app: a}
	a.Actions = &ActionService{app: a}
	a.Improvements = &ImprovementService{app: a}
	a.Reviews = &ReviewService{app: a}
	a.Surveys = &SurveyService{app: a}
	a.Feedback = &FeedbackService{app: a}
	return a
}

// Services returns the structs whose methods are bound to JavaScript.
func (a *App) Services() []any {
	return []any{a.Requirements, a.Records, a.Dashboard, a.System, a.Import, a.Reports,
		a.Organisation, a.Objectives, a.Issues, a.Parties, a.Policies, a.Controls, a.Risks,
		a.Milestones, a.People, a.Roles, a.Assets, a.Evidence, a.Trace,
		a.Trainings, a.Attendance, a.Campaigns, a.Communications,
		a.KPIs, a.Measurements, a.Audits, a.Findings,
		a.Nonconformities, a.Actions, a.Improvements, a.Reviews, a.Surveys, a.Feedback}
}

// Startup opens the store and seeds a new database. A failure is kept and shown by the
// window through SystemService.Info rather than aborting the start.
func (a *App) Startup(ctx context.Context) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.ctx = ctx
	db, err := store.Open(a.dataDir, store.Options{Clock: a.clock, Logger: a.log})
	if err == nil {
		err = db.Update(func(tx *store.Tx) error { return seed.FirstRun(tx, isms.DateOf(a.clock())) })
		if err != nil {
			db.Close()
		}
	}
	if err != nil {
		a.log.Error("unable to open the data folder", "dir", a.dataDir, "err", err)
		a.openErr = err
		return
	}
	a.db = db
}

// Shutdown closes the store.
func (a *App) Shutdown(context.Context) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.db != nil {
		if err := a.db.Close(); err != nil {
			a.log.Error("unable to close the store", "err", err)
		}
		a.db = nil
	}
}

// store returns the open store or the reason it is not open.
func (a *App) store() (*store.DB, error) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.db == nil {
		if a.openErr != nil {
			return nil, a.openErr
		}
		return nil, isms.Errorf(isms.CodeLocked, "the data folder is not open")
	}
	return a.db, nil
}

func (a *App) view(fn func(tx *store.Tx) error) error {
	db, err := a.store()
	if err != nil {
		return err
	}
	return db.View(fn)
}

func (a *App) update(fn func(tx *store.Tx) error) error {
	db, err := a.store()
	if err != nil {
		return err
	}
	return db.Update(fn)
}

// UIError is the shape every failed call has in JavaScript.
type UIError struct {
	Code    isms.Code         `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// ErrorFormatter returns a formatter for Wails: domain errors keep their code and field
// messages; anything else is logged and shown as an internal error.
func ErrorFormatter(log *slog.Logger) func(error) any {
	return func(err error) any {
		var e *isms.Error
		if errors.As(err, &e) {
			msg := e.Message
			if err != error(e) { // keep the context a wrapper added, e.g. "row 4 of reqs.xlsx: ..."
				msg = strings.Replace(err.Error(), e.Error(), e.Message, 1)
			}
			return UIError{Code: e.Code, Message: msg, Fields: e.Fields}
		}
		log.Error("internal error", "err", err)
		return UIError{Code: isms.CodeInternal, Message: "Something went wrong: " + err.Error()}
	}
}
