package app

import (
	"sync"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/search"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// SearchService is the window's global search (the Ctrl+K search box): every text of
// every record, kept in an index that follows the store (see backend/search).
type SearchService struct {
	app *App

	mu   sync.Mutex
	db   *store.DB // the store live indexes
	live *search.Live
}

// Search returns the records holding every word of query (the last word also as the
// start of a word), best first and grouped by kind, at most 50, each with the field that
// matched and a snippet of it. An empty query finds nothing.
func (s *SearchService) Search(query string) ([]search.Result, error) {
	db, err := s.app.store()
	if err != nil {
		return nil, err
	}
	res, err := s.index(db).Search(query)
	if err != nil {
		return nil, err
	}
	if res == nil {
		res = []search.Result{}
	}
	return res, nil
}

// open starts building the index of a store that has just opened, in the background.
func (s *SearchService) open(db *store.DB) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.start(db)
}

// index returns the index of db, starting it when db is not the store last opened.
func (s *SearchService) index(db *store.DB) *search.Live {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db != db {
		s.start(db)
	}
	return s.live
}

func (s *SearchService) start(db *store.DB) {
	l := search.Open(db, search.Options{Enums: s.app.Records.Enums()})
	s.db, s.live = db, l
	go func() {
		if err := l.Wait(); err != nil {
			s.app.log.Warn("unable to build the search index", "err", err)
			return
		}
		n, took := l.Stats()
		s.app.log.Info("search index built", "records", n, "took", took.Round(time.Millisecond))
	}()
}
