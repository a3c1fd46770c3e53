package report

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"runtime"
	"sync"

	"github.com/xuri/excelize/v2"
)

// The workbook's parts are deflated on every core: archive/zip writes the archive as
// excelize's own writer does, but with a compressor that cuts each part into blocks of
// deflateBlock bytes and deflates them at once, each on its own (as pigz --independent
// does). Every block but the last ends with a sync flush, so that together they are one
// valid DEFLATE stream; the parts' contents are the same, the archive a little larger.

// deflateBlock is the size of the blocks deflated at once.
const deflateBlock = 1 << 20

// zipWriter is the book's ZIP writer (excelize.File.SetZipWriter).
func zipWriter(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return &deflater{out: out, keep: runtime.GOMAXPROCS(0)}, nil
	})
	return zw
}

// flaters are reusable compressors at archive/zip's level; blockBufs and blockOuts the
// reusable input and output of a block.
var (
	flaters   = sync.Pool{New: func() any { fw, _ := flate.NewWriter(nil, 5); return fw }}
	blockBufs = sync.Pool{New: func() any { return make([]byte, 0, deflateBlock) }}
	blockOuts = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

// deflater is a DEFLATE compressor whose blocks are deflated on their own goroutines.
type deflater struct {
	out     io.Writer
	keep    int      // how many blocks may be under way
	buf     []byte   // input not yet handed over
	pending []*block // blocks handed over, in order
	err     error
}

// block is one block being deflated.
type block struct {
	out      *bytes.Buffer
	err      error
	panicked any // see catch
	done     chan struct{}
}

func (d *deflater) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && d.err == nil {
		if d.buf == nil {
			d.buf = blockBufs.Get().([]byte)
		}
		k := min(len(p), deflateBlock-len(d.buf))
		d.buf, p = append(d.buf, p[:k]...), p[k:]
		if len(d.buf) == deflateBlock {
			d.hand(false)
		}
	}
	if d.err != nil {
		return 0, d.err
	}
	return n, nil
}

// Close deflates the last block, which ends the stream, and writes what is left.
func (d *deflater) Close() error {
	if d.err == nil {
		d.hand(true)
	}
	d.drain(0)
	return d.err
}

// hand deflates the input held on a goroutine of its own, then writes the blocks done.
func (d *deflater) hand(last bool) {
	b := &block{out: blockOuts.Get().(*bytes.Buffer), done: make(chan struct{})}
	in := d.buf
	d.buf = nil
	go func() {
		defer close(b.done)
		defer catch(&b.panicked)
		fw := flaters.Get().(*flate.Writer)
		defer flaters.Put(fw)
		if in != nil {
			defer blockBufs.Put(in[:0])
		}
		fw.Reset(b.out)
		if _, b.err = fw.Write(in); b.err != nil {
			return
		}
		if last {
			b.err = fw.Close()
		} else {
			b.err = fw.Flush()
		}
	}()
	d.pending = append(d.pending, b)
	d.drain(d.keep)
}

// drain writes the blocks at the head of the queue that are done, waiting for them while
// more than keep are under way.
func (d *deflater) drain(keep int) {
	for len(d.pending) > 0 {
		b := d.pending[0]
		if len(d.pending) <= keep {
			select {
			case <-b.done:
			default:
				return
			}
		}
		<-b.done
		rethrow(b.panicked)
		d.pending[0], d.pending = nil, d.pending[1:]
		if d.err == nil {
			if d.err = b.err; d.err == nil {
				_, d.err = d.out.Write(b.out.Bytes())
			}
		}
		b.out.Reset()
		blockOuts.Put(b.out)
	}
}
