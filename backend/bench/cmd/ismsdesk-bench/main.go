// Command ismsdesk-bench measures the command line's import and export as whole processes
// against the floors the product promises to stay near: excelize reading the same file
// with Rows and RawCellValue, and excelize's StreamWriter writing the same rows. It prints
// the wall time, the peak memory (the maximum resident set, and its anonymous part sampled
// from /proc on Linux: the heap without the files the store maps) and the ratios; make bench
// runs it.
//
//	ismsdesk-bench -cli PATH [-rows 10000,100000] [-runs 3] [-work DIR]
//
// It also has the helper modes it runs itself in child processes (gen, floor-read,
// floor-write), so that every measurement is one process.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	if len(os.Args) > 1 {
		var err error
		switch os.Args[1] {
		case "gen":
			err = gen(os.Args[2:])
		case "floor-read":
			err = floorRead(os.Args[2:])
		case "floor-write":
			err = floorWrite(os.Args[2:])
		default:
			err = run(os.Args[1:])
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "ismsdesk-bench:", err)
			os.Exit(1)
		}
		return
	}
	fmt.Fprintln(os.Stderr, "usage: ismsdesk-bench -cli PATH [-rows 10000,100000] [-runs 3] [-work DIR]")
	os.Exit(2)
}

// header is the generated register's header: the requirements register's own columns.
var header = []string{"Reference", "Title", "Text", "Source type", "Source", "Owner", "Applicable", "Status", "Due date", "Notes"}

// owners are the 40 people the generated register names as owners.
var owners = func() []string {
	var o []string
	for _, first := range []string{"Olivia", "Liam", "Amelia", "Noah", "Isla", "Oliver", "Ava", "Elijah"} {
		for _, last := range []string{"Carter", "Nguyen", "Schmidt", "Dubois", "Garcia"} {
			o = append(o, first+" "+last)
		}
	}
	return o
}()

// rowOf is the generated register's row i (1-based): 40 owners, four statuses, real
// dates, a few empty notes, texts of a realistic length.
func rowOf(i int) []any {
	statuses := []string{"Compliant", "Partially compliant", "Non-compliant", "Not assessed"}
	notes := ""
	if i%3 == 0 {
		notes = fmt.Sprintf("Reviewed with the owner in meeting %d; evidence kept in the ISMS folder.", i%97)
	}
	return []any{fmt.Sprintf("REQ-%06d", i), fmt.Sprintf("Requirement %d on %s", i, []string{"access control", "supplier security", "logging", "backup", "incident reporting"}[i%5]),
		fmt.Sprintf("The organisation shall define, implement and review measure %d and keep evidence of it for the auditor.", i),
		[]string{"Legal", "Regulatory", "Contractual", "Business"}[i%4], fmt.Sprintf("Source document %d", i%60),
		owners[i%len(owners)], "Yes", statuses[i%4], nil, notes}
}

// gen writes the register: gen stream|shared ROWS FILE. "stream" is excelize's
// StreamWriter (inline strings, as most generators write); "shared" stores its texts in
// the shared-strings table, as Excel and LibreOffice save a workbook.
func gen(args []string) error {
	if len(args) != 3 {
		return errors.New("gen stream|shared ROWS FILE")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = h
	}
	switch args[0] {
	case "stream":
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			return err
		}
		if err := sw.SetRow("A1", head); err != nil {
			return err
		}
		for i := 1; i <= n; i++ {
			row := rowOf(i)
			row[8] = excelize.Cell{StyleID: date, Value: 45000 + i%1000}
			if err := sw.SetRow("A"+strconv.Itoa(i+1), row); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	case "shared":
		if err := f.SetSheetRow("Sheet1", "A1", &head); err != nil {
			return err
		}
		for i := 1; i <= n; i++ {
			row := rowOf(i)
			row[8] = 45000 + i%1000
			if err := f.SetSheetRow("Sheet1", "A"+strconv.Itoa(i+1), &row); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle("Sheet1", "I2", "I"+strconv.Itoa(n+1), date); err != nil {
			return err
		}
	default:
		return fmt.Errorf("unknown kind %q", args[0])
	}
	return f.SaveAs(args[2])
}

// floorRead reads every cell of the first sheet as excelize's fastest reader does.
func floorRead(args []string) error {
	f, err := excelize.OpenFile(args[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := f.Rows(f.GetSheetName(0))
	if err != nil {
		return err
	}
	n, cells := 0, 0
	for rows.Next() {
		c, err := rows.Columns()
		if err != nil {
			return err
		}
		n++
		cells += len(c)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	fmt.Println(n, cells)
	return nil
}

// floorWrite reads every sheet of an exported workbook (not timed) and then writes the
// same rows again with excelize's StreamWriter, one sheet each, printing the seconds the
// write took: floor-write FILE OUT.
func floorWrite(args []string) error {
	f, err := excelize.OpenFile(args[0])
	if err != nil {
		return err
	}
	sheets := f.GetSheetList()
	grids := make([][][]string, len(sheets))
	for i, name := range sheets {
		if grids[i], err = f.GetRows(name); err != nil {
			f.Close()
			return err
		}
	}
	f.Close()
	start := time.Now()
	out := excelize.NewFile()
	for i, grid := range grids {
		name := fmt.Sprintf("Sheet%d", i+1)
		if i > 0 {
			if _, err := out.NewSheet(name); err != nil {
				return err
			}
		}
		sw, err := out.NewStreamWriter(name)
		if err != nil {
			return err
		}
		for j, r := range grid {
			row := make([]any, len(r))
			for k, c := range r {
				row[k] = c
			}
			if err := sw.SetRow("A"+strconv.Itoa(j+1), row); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	if err := out.SaveAs(args[1]); err != nil {
		return err
	}
	fmt.Println(time.Since(start).Seconds())
	return nil
}

// measure is one child process's wall time, peak memory and output.
type measure struct {
	wall time.Duration
	rss  int64 // bytes: the largest resident set
	anon int64 // bytes: the largest anonymous part of it (heap, stacks), sampled; 0 when unknown
	out  string
}

func spawn(name string, args ...string) (measure, error) {
	cmd := exec.Command(name, args...)
	var out strings.Builder
	cmd.Stdout = &out
	cmd.Stderr = &out
	start := time.Now()
	err := cmd.Start()
	var anon int64
	if err == nil {
		done := make(chan struct{})
		sampled := make(chan int64)
		go func() { sampled <- sampleAnon(cmd.Process.Pid, done) }()
		err = cmd.Wait()
		close(done)
		anon = <-sampled
	}
	m := measure{wall: time.Since(start), anon: anon, out: out.String()}
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			m.rss = int64(ru.Maxrss) * 1024
		}
	}
	if err != nil {
		return m, fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, m.out)
	}
	return m, nil
}

// sampleAnon returns the largest RssAnon of process pid (Linux's /proc), read every 20 ms
// until done: the resident set less the files mapped in memory (Badger maps its tables).
func sampleAnon(pid int, done <-chan struct{}) int64 {
	var peak int64
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid)); err == nil {
			for _, l := range strings.Split(string(b), "\n") {
				if v, ok := strings.CutPrefix(l, "RssAnon:"); ok {
					if kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64); err == nil {
						peak = max(peak, kb*1024)
					}
				}
			}
		}
		select {
		case <-done:
			return peak
		case <-tick.C:
		}
	}
}

// best runs fn runs times and keeps the fastest run (and the highest peak memory).
func best(runs int, fn func() (measure, error)) (measure, error) {
	var b measure
	for i := range runs {
		m, err := fn()
		if err != nil {
			return m, err
		}
		if i == 0 || m.wall < b.wall {
			b.wall, b.out = m.wall, m.out
		}
		b.rss, b.anon = max(b.rss, m.rss), max(b.anon, m.anon)
	}
	return b, nil
}

func run(args []string) error {
	fs := flag.NewFlagSet("ismsdesk-bench", flag.ContinueOnError)
	cli := fs.String("cli", "", "the ismsdesk command line to measure")
	rowsFlag := fs.String("rows", "10000,100000", "register sizes, comma-separated")
	runs := fs.Int("runs", 3, "runs of each measurement; the fastest counts")
	work := fs.String("work", "", "folder for the generated files (default: a temporary one)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cli == "" {
		return errors.New("-cli is required")
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	dir := *work
	if dir == "" {
		if dir, err = os.MkdirTemp("", "ismsdesk-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	}
	soffice, _ := exec.LookPath("soffice")
	fmt.Printf("%-44s %10s %10s %10s %8s\n", "whole process", "seconds", "peak MB", "anon MB", "ratio")
	line := func(what string, m measure, floor time.Duration) {
		ratio := ""
		if floor > 0 {
			ratio = fmt.Sprintf("%.2fx", m.wall.Seconds()/floor.Seconds())
		}
		mb, anon := "-", "-"
		if m.rss > 0 {
			mb = strconv.FormatInt(m.rss>>20, 10)
		}
		if m.anon > 0 {
			anon = strconv.FormatInt(m.anon>>20, 10)
		}
		fmt.Printf("%-44s %10.2f %10s %10s %8s\n", what, m.wall.Seconds(), mb, anon, ratio)
	}
	for _, s := range strings.Split(*rowsFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("-rows: %v", err)
		}
		label := strconv.Itoa(n/1000) + "k"
		for _, kind := range []string{"stream", "shared"} {
			file := filepath.Join(dir, fmt.Sprintf("register-%s-%d.xlsx", kind, n))
			if _, err := os.Stat(file); err != nil {
				if _, err := spawn(self, "gen", kind, strconv.Itoa(n), file); err != nil {
					return err
				}
			}
			floor, err := best(*runs, func() (measure, error) { return spawn(self, "floor-read", file) })
			if err != nil {
				return err
			}
			line(fmt.Sprintf("%s %s: excelize Rows+RawCellValue (floor)", label, kind), floor, floor.wall)
			var data string
			imp, err := best(*runs, func() (measure, error) {
				data = filepath.Join(dir, "data-"+kind+"-"+s)
				if err := os.RemoveAll(data); err != nil {
					return measure{}, err
				}
				os.RemoveAll(data + "-backups")
				return spawn(*cli, "--data", data, "import", "requirements", file)
			})
			if err != nil {
				return err
			}
			line(fmt.Sprintf("%s %s: ismsdesk import", label, kind), imp, floor.wall)
			if soffice != "" {
				lo, err := best(1, func() (measure, error) {
					return spawn(soffice, "--headless", "--convert-to", "csv", "--outdir", filepath.Join(dir, "csv"), file)
				})
				if err == nil {
					lo.anon = 0 // soffice is a script: the work is in a process it starts
					line(fmt.Sprintf("%s %s: LibreOffice save as CSV", label, kind), lo, floor.wall)
				}
			}
			if kind != "shared" {
				continue
			}
			out := filepath.Join(dir, "export-"+s+".xlsx")
			exp, err := best(*runs, func() (measure, error) {
				return spawn(*cli, "--data", data, "export", "requirements", "--out", out)
			})
			if err != nil {
				return err
			}
			fw, err := best(*runs, func() (measure, error) {
				return spawn(self, "floor-write", out, filepath.Join(dir, "floor-"+s+".xlsx"))
			})
			if err != nil {
				return err
			}
			secs, err := strconv.ParseFloat(strings.TrimSpace(fw.out), 64)
			if err != nil {
				return fmt.Errorf("floor-write printed %q", fw.out)
			}
			fw.wall, fw.rss, fw.anon = time.Duration(secs*float64(time.Second)), 0, 0 // its memory holds the rows it read first
			line(fmt.Sprintf("%s: excelize StreamWriter, same sheets (floor)", label), fw, fw.wall)
			line(fmt.Sprintf("%s: ismsdesk export requirements", label), exp, fw.wall)
		}
		os.RemoveAll(filepath.Join(dir, "csv"))
	}
	return nil
}
