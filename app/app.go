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

	"github.com/ismsdesk/ismsdesk/backend/fault"
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
	bg      sync.WaitGroup // background work (the daily backup) that Shutdown waits for
	// pass is the passphrase the store was opened with ("" when it has none); locked is
	// set while an encrypted folder waits for SystemService.Unlock.
	pass   string
	locked bool
	untemp func() // puts the process's temporary folder back (store.UsePrivateTemp)

	Requirements *RequirementService
	Records      *RecordService
	Dashboard    *DashboardService
	System       *SystemService
	Import       *ImportService
	Reports      *ReportService
	Due          *DueService

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
	Search          *SearchService
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
	a.Due = &DueService{app: a}
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
	a.Search = &SearchService{app: a}
	return a
}

// Services returns the structs whose methods are bound to JavaScript.
func (a *App) Services() []any {
	return []any{a.Requirements, a.Records, a.Dashboard, a.Due, a.System, a.Import, a.Reports,
		a.Organisation, a.Objectives, a.Issues, a.Parties, a.Policies, a.Controls, a.Risks,
		a.Milestones, a.People, a.Roles, a.Assets, a.Evidence, a.Trace,
		a.Trainings, a.Attendance, a.Campaigns, a.Communications,
		a.KPIs, a.Measurements, a.Audits, a.Findings,
		a.Nonconformities, a.Actions, a.Improvements, a.Reviews, a.Surveys, a.Feedback, a.Search}
}

// Startup opens the store and seeds a new database. A failure is kept and shown by the
// window through SystemService.Info rather than aborting the start. An encrypted folder
// is not opened: the window shows its unlock screen, and SystemService.Unlock opens it.
func (a *App) Startup(ctx context.Context) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.ctx = ctx
	if untemp, err := store.UsePrivateTemp(a.dataDir); err == nil {
		a.untemp = untemp
	} else {
		a.log.Warn("temporary files go to the system's temporary folder", "err", err)
	}
	if store.IsEncrypted(a.dataDir) && a.pass == "" {
		a.locked = true
		a.openErr = isms.Errorf(isms.CodeLocked, "the data is encrypted: enter its passphrase to open it")
		return
	}
	a.opened()
}

// opened opens the store and starts the work that follows a start: the daily backup and
// the automated KPIs. It runs under a.mu.
func (a *App) opened() {
	db, err := a.openStore()
	if err != nil {
		a.openErr = err
		return
	}
	a.db, a.openErr, a.locked = db, nil, false
	a.afterOpen(db)
}

// afterOpen starts the daily backup in the background and the automated KPIs. It runs
// under a.mu.
func (a *App) afterOpen(db *store.DB) {
	a.bg.Add(1)
	go func() {
		defer a.bg.Done()
		a.System.backupIfDue()
	}()
	a.KPIs.measureDue(db) // automated KPIs due since the window last ran
	go a.KPIs.watch(a.ctx)
}

// unlock opens the encrypted store with passphrase; a wrong passphrase is refused without
// touching anything, and the window stays locked.
func (a *App) unlock(passphrase string) error {
	if err := store.CheckPassphrase(a.dataDir, passphrase); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.locked {
		return nil
	}
	a.pass = passphrase
	a.opened()
	if a.db == nil {
		a.pass = ""
		return a.openErr
	}
	return nil
}

// openStore opens the data folder and seeds a new database.
func (a *App) openStore() (*store.DB, error) {
	db, err := store.Open(a.dataDir, a.storeOptions())
	if err == nil {
		err = db.Update(func(tx *store.Tx) error { return seed.FirstRun(tx, isms.DateOf(a.clock())) })
		if err != nil {
			db.Close()
		}
	}
	if err != nil {
		a.log.Error("unable to open the data folder", "dir", a.dataDir, "err", err)
		return nil, err
	}
	a.Search.open(db) // the search index builds in the background
	return db, nil
}

// storeOptions are the options the store opens with: the passphrase it was unlocked with.
func (a *App) storeOptions() store.Options {
	return store.Options{Clock: a.clock, Logger: a.log, Passphrase: a.pass}
}

// reopen closes the store, runs fn on the closed data folder (a restore), and opens the
// store again whether fn failed or not. Calls under way finish before the store closes;
// calls made meanwhile are told the data is being restored. The services reach the store
// only through a.store(), so they all see the reopened one.
func (a *App) reopen(fn func() error) error {
	a.mu.Lock()
	old := a.db
	a.db, a.openErr = nil, isms.Errorf(isms.CodeLocked, "the data is being restored; wait a moment")
	a.mu.Unlock()
	if old != nil {
		if err := old.Close(); err != nil {
			a.log.Error("unable to close the store", "err", err)
		}
	}
	ferr := fn()
	db, err := a.openStore()
	a.mu.Lock()
	a.db, a.openErr = db, err
	a.mu.Unlock()
	return errors.Join(ferr, err)
}

// Shutdown closes the store.
func (a *App) Shutdown(context.Context) {
	a.bg.Wait()
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.db != nil {
		if err := a.db.Close(); err != nil {
			a.log.Error("unable to close the store", "err", err)
		}
		a.db = nil
	}
	if a.untemp != nil {
		a.untemp()
		a.untemp = nil
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

// update runs fn in one transaction of the store. A change that is more than a Badger
// transaction holds (a policy with long texts, with its history entry) is run again as a
// store batch, all or nothing as well: fn must not depend on what its failed run did.
func (a *App) update(fn func(tx *store.Tx) error) error {
	db, err := a.writable()
	if err != nil {
		return err
	}
	err = db.Update(fn)
	if errors.Is(err, store.ErrTooBig) {
		err = db.Batch(func(b *store.Batch) error { return b.Do(fn) })
	}
	return err
}

// batch is update for writes that may not fit one Badger transaction (a register's worth
// of records): a store batch, all or nothing as well.
func (a *App) batch(fn func(b *store.Batch) error) error {
	db, err := a.writable()
	if err != nil {
		return err
	}
	return db.Batch(fn)
}

// writable is the open store when there is room to write to it: Badger meets a full disk
// with SIGBUS, not an error, so a save is refused before it.
func (a *App) writable() (*store.DB, error) {
	db, err := a.store()
	if err != nil {
		return nil, err
	}
	if err := fault.CheckSpace(a.dataDir, 0); err != nil {
		return nil, err
	}
	return db, nil
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
		if msg, ok := fault.Message(err, ""); ok { // a full disk: a message, not an internal error
			log.Warn("disk full", "err", err)
			return UIError{Code: fault.CodeDiskFull, Message: msg}
		}
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
