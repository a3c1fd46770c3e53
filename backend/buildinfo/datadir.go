package buildinfo

import (
	"os"
	"path/filepath"
)

// DataDirEnv is the environment variable that overrides the data folder.
const DataDirEnv = "ISMSDESK_DATA"

// DataDir returns the data folder: flag when set, else $ISMSDESK_DATA, else the
// user's application data folder (os.UserConfigDir()/ISMSDesk).
func DataDir(flag string) (string, error) {
	if flag != "" {
		return filepath.Abs(flag)
	}
	if env := os.Getenv(DataDirEnv); env != "" {
		return filepath.Abs(env)
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "ISMSDesk", "data"), nil
}
