package app

import (
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// TraceService answers the auditor's question "from this requirement, show me the
// evidence": the chain of requirements, risks, controls, policies, KPIs, evidence, audits
// and nonconformities around any record.
type TraceService struct{ app *App }

// Of returns the chain of the record of kind (singular or plural name) with id, as columns,
// with its gaps in words.
func (s *TraceService) Of(kind, id string) (overview.TraceView, error) {
	k, err := isms.ParseKind(kind)
	if err != nil {
		return overview.TraceView{}, err
	}
	var out overview.TraceView
	err = s.app.view(func(tx *store.Tx) error {
		out, err = overview.Trace(tx, k, id)
		return err
	})
	return out, err
}
