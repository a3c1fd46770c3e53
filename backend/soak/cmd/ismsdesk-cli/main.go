// Command ismsdesk-cli is the command line of ISMS Desk without the window: the same
// commands as `ismsdesk COMMAND`, built without cgo, for the crash and soak scripts.
package main

import (
	"fmt"
	"os"

	"github.com/ismsdesk/ismsdesk/backend/buildinfo"
	"github.com/ismsdesk/ismsdesk/backend/cli"
)

func main() {
	data, rest, err := cli.SplitGlobal(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "ismsdesk: %s\n\n%s", err, cli.Usage)
		os.Exit(cli.ExitUsage)
	}
	dir, err := buildinfo.DataDir(data)
	if err != nil {
		fmt.Fprintf(os.Stderr, "ismsdesk: unable to find the data folder: %s\n", err)
		os.Exit(cli.ExitError)
	}
	stop := profile()
	code := cli.Run(dir, rest, cli.Env{Stdout: os.Stdout, Stderr: os.Stderr})
	stop()
	os.Exit(code)
}
