package app

import (
	"context"
	"sync"
)

// canceller lets the window cancel the one long task of a service that is running.
type canceller struct {
	mu     sync.Mutex
	seq    int
	cancel context.CancelFunc
}

// start returns a context for a new task and the function to call when it ends.
func (c *canceller) start() (context.Context, func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.startLocked()
}

// tryStart is start for a task of which only one may run: ok is false while another runs.
func (c *canceller) tryStart() (ctx context.Context, done func(), ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cancel != nil {
		return nil, nil, false
	}
	ctx, done = c.startLocked()
	return ctx, done, true
}

func (c *canceller) startLocked() (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	c.seq++
	id := c.seq
	c.cancel = cancel
	return ctx, func() {
		cancel()
		c.mu.Lock()
		if c.seq == id {
			c.cancel = nil
		}
		c.mu.Unlock()
	}
}

// stop cancels the task that started last, if it is still running.
func (c *canceller) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cancel != nil {
		c.cancel()
	}
}
