// Command ismsdesk runs an ISO/IEC 27001 information security management system from
// one laptop. With no command it opens the window; with a command it runs headless.
package main

import (
	"embed"
	"fmt"
	"log/slog"
	"os"
	"slices"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"

	"github.com/ismsdesk/ismsdesk/app"
	"github.com/ismsdesk/ismsdesk/backend/buildinfo"
	"github.com/ismsdesk/ismsdesk/backend/cli"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	data, rest, err := cli.SplitGlobal(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "ismsdesk: %s\n\n%s", err, cli.Usage)
		os.Exit(cli.ExitUsage)
	}
	isCommand := len(rest) > 0 && (slices.Contains(cli.Commands, rest[0]) || rest[0] == "-h" || rest[0] == "--help")
	if len(rest) > 0 && !isCommand && !isWailsFlag(rest[0]) {
		fmt.Fprintf(os.Stderr, "ismsdesk: unknown command %q\n\n%s", rest[0], cli.Usage)
		os.Exit(cli.ExitUsage)
	}
	dir, err := buildinfo.DataDir(data)
	if err != nil {
		fmt.Fprintf(os.Stderr, "ismsdesk: unable to find the data folder: %s\n", err)
		os.Exit(cli.ExitError)
	}
	if isCommand {
		os.Exit(cli.Run(dir, rest, cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}))
	}
	os.Args = append([]string{os.Args[0]}, rest...) // Wails' development build parses its own flags
	if err := window(dir); err != nil {
		fmt.Fprintf(os.Stderr, "ismsdesk: %s\n", err)
		os.Exit(cli.ExitError)
	}
}

// isWailsFlag reports whether arg is one of the flags of a Wails development build.
func isWailsFlag(arg string) bool {
	switch arg {
	case "-assetdir", "-devserver", "-frontenddevserverurl", "-loglevel", "-wailsjsdir", "-appargs":
		return true
	}
	return false
}

func window(dir string) error {
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	a := app.New(dir, log)
	w := app.NewWindowService(a)
	onDomReady, onBeforeClose := app.WindowHooks(w)
	return wails.Run(&options.App{
		Title:            buildinfo.Name,
		Width:            app.DefaultWidth,
		Height:           app.DefaultHeight,
		MinWidth:         app.MinWidth,
		MinHeight:        app.MinHeight,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 248, G: 250, B: 252, A: 1},
		OnStartup:        a.Startup,
		OnDomReady:       onDomReady,
		OnBeforeClose:    onBeforeClose,
		OnShutdown:       a.Shutdown,
		Menu:             a.Menu(w),
		Bind:             append(a.Services(), w),
		ErrorFormatter:   app.ErrorFormatter(log),
	})
}
