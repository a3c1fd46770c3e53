package app

import (
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// RecordService reads any kind of record; areas without their own service list
// their records through it.
type RecordService struct{ app *App }

// KindInfo describes a kind for navigation.
type KindInfo struct {
	Kind   isms.Kind `json:"kind"`
	Plural string    `json:"plural"`
	Label  string    `json:"label"`
}

// Kinds returns every kind in presentation order.
func (s *RecordService) Kinds() []KindInfo {
	out := []KindInfo{}
	for _, k := range isms.Kinds() {
		out = append(out, KindInfo{Kind: k, Plural: k.Plural(), Label: k.Label()})
	}
	return out
}

// List returns the records of a kind as rows.
func (s *RecordService) List(kind string) ([]overview.Row, error) {
	k, err := isms.ParseKind(kind)
	if err != nil {
		return nil, err
	}
	var out []overview.Row
	err = s.app.view(func(tx *store.Tx) error {
		out, err = overview.Rows(tx, k)
		return err
	})
	return out, err
}

// Get returns one record with its fields, history and links.
func (s *RecordService) Get(kind, id string) (overview.Detail, error) {
	k, err := isms.ParseKind(kind)
	if err != nil {
		return overview.Detail{}, err
	}
	var out overview.Detail
	err = s.app.view(func(tx *store.Tx) error {
		out, err = overview.RecordDetail(tx, k, id)
		return err
	})
	return out, err
}
