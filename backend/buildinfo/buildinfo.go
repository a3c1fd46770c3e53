// Package buildinfo holds facts about the build that every layer may print.
package buildinfo

// Version is the application's version; release builds set it with
// -ldflags "-X github.com/ismsdesk/ismsdesk/backend/buildinfo.Version=...".
var Version = "0.1.0-dev"

// Name is the product's name.
const Name = "ISMS Desk"
