//go:build !unix

package store

// restrictNewFiles does nothing where there is no umask (Windows keeps the data folder
// private through the user's profile folder's permissions).
func restrictNewFiles() {}
