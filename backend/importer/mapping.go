package importer

import (
	"encoding/json"
	"fmt"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// mappingPrefix names the settings that hold saved mappings, by kind and header layout.
const mappingPrefix = "mapping/"

// SavedMap is a mapping the user saved under a name.
type SavedMap struct {
	Name    string       `json:"name"`
	Mapping xlsx.Mapping `json:"mapping"`
}

func mappingKey(kind, layout string) string { return mappingPrefix + kind + "/" + layout }

// SaveMapping keeps a mapping under a name; it is proposed again for the same kind and
// header layout.
func SaveMapping(db *store.DB, name string, m xlsx.Mapping) error {
	if name == "" {
		return isms.Errorf(isms.CodeInvalid, "a saved mapping needs a name")
	}
	if m.Kind == "" || m.LayoutKey == "" {
		return isms.Errorf(isms.CodeInvalid, "the mapping has no kind or header layout")
	}
	raw, err := json.Marshal(SavedMap{Name: name, Mapping: m})
	if err != nil {
		return err
	}
	return db.Update(func(tx *store.Tx) error { return tx.SetSetting(mappingKey(m.Kind, m.LayoutKey), string(raw)) })
}

// SavedMapping returns the mapping saved for a kind and header layout.
func SavedMapping(db *store.DB, kind, layout string) (SavedMap, bool, error) {
	var raw string
	err := db.View(func(tx *store.Tx) (err error) {
		raw, err = tx.Setting(mappingKey(kind, layout))
		return err
	})
	if err != nil || raw == "" {
		return SavedMap{}, false, err
	}
	var s SavedMap
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return SavedMap{}, false, fmt.Errorf("importer: unable to read the saved mapping: %w", err)
	}
	return s, true, nil
}
