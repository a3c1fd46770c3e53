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
	ctx, cancel := context.WithCancel(context.Background())
	c.mu.Lock()
	c.seq++
	id := c.seq
	c.cancel = cancel
	c.mu.Unlock()
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
